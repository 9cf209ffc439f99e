from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, cast

from django.core.files.storage import Storage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty

if TYPE_CHECKING:
    from django.db import models
    from django.db.models.fields.files import FieldFile

    _Model = models.Model
else:
    _Model = object


class _PrivateStorage(LazyObject):
    """storages["documents"] (never under MEDIA_URL: files there are served by views that check access), looked up
    when first used and again after STORAGES changes."""

    _wrapped: Any

    def _setup(self) -> None:
        self._wrapped = storages["documents"]


_private = _PrivateStorage()


@receiver(setting_changed)
def _reset_private_storage(*, setting: str, **kwargs: Any) -> None:
    if setting == "STORAGES":
        _private._wrapped = empty


def private_storage() -> Storage:
    """For FileField(storage=private_storage): documents for members, meeting notices' attachments."""
    return cast(Storage, _private)  # a lazy proxy of the storage


class FileSizeMixin(_Model):
    """For models with `file` and `file_size` fields: records the size when a new file is saved."""

    file: FieldFile
    file_size: int

    def save(self, *args: Any, **kwargs: Any) -> None:
        # FieldFile._committed is not in django-stubs.
        if self.file and (not self.file._committed or not self.file_size):  # type: ignore[attr-defined]
            self.file_size = self.file.size
        super().save(*args, **kwargs)

    @property
    def extension(self) -> str:
        """The file type as readers know it: PDF, DOCX, ..."""
        return os.path.splitext(self.file.name or "")[1].lstrip(".").upper()
