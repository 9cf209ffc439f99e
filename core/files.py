import os


class FileSizeMixin:
    """For models with `file` and `file_size` fields: records the size when a new file is saved."""

    def save(self, *args, **kwargs):
        if self.file and (not self.file._committed or not self.file_size):
            self.file_size = self.file.size
        super().save(*args, **kwargs)

    @property
    def extension(self):
        """The file type as readers know it: PDF, DOCX, ..."""
        return os.path.splitext(self.file.name)[1].lstrip(".").upper()
