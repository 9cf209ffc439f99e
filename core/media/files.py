import os

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class _PrivateStorage(LazyObject):
    """storages["documents"] (never under MEDIA_URL: files there are served by views that check access), looked up
    when first used and again after STORAGES changes."""

    def _setup(self):
        self._wrapped = storages["documents"]


_private = _PrivateStorage()


@receiver(setting_changed)
def _reset_private_storage(*, setting, **kwargs):
    if setting == "STORAGES":
        _private._wrapped = empty


def private_storage():
    """For FileField(storage=private_storage): documents for members, meeting notices' attachments."""
    return _private


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
