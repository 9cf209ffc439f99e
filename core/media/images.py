"""Images with renditions made once, when the image changes, and the photo model that galleries share."""

from __future__ import annotations

import os
import uuid
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from core.media.renditions import make_renditions, rendition_urls
from core.media.uploads import CleanImageField, validate_image


class RenditionsMixin(models.Model):
    """An image field with WebP/JPEG renditions made when the image changes."""

    IMAGE_FIELD = "image"

    renditions = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        image = getattr(self, self.IMAGE_FIELD)
        changed = image and not image._committed
        super().save(*args, **kwargs)
        if changed or (image and not self.renditions):
            self.renditions = make_renditions(image)
            type(self)._default_manager.filter(pk=self.pk).update(renditions=self.renditions)
        elif not image and self.renditions:
            self.renditions = {}
            type(self)._default_manager.filter(pk=self.pk).update(renditions={})

    def delete_with_files(self) -> None:
        """Delete the row, the original and its renditions (a plain delete leaves the files in storage)."""
        image = getattr(self, self.IMAGE_FIELD)
        names = [name for size in self.renditions.get("sizes", []) for name in (size.get("webp"), size.get("jpeg"))]
        names.append(self.renditions.get("share"))
        self.delete()
        if image:
            for name in [image.name, *filter(None, names)]:
                image.storage.delete(name)

    @cached_property
    def picture(self) -> dict[str, Any] | None:
        image = getattr(self, self.IMAGE_FIELD)
        return rendition_urls(self.renditions, image.storage) if image else None


def photo_upload_to(instance: Any, filename: str) -> str:
    """A new name under the model's folder: no clashes, and the uploader's file name is not published."""
    extension = os.path.splitext(filename)[1].lower() or ".jpg"
    return f"{instance.UPLOAD_FOLDER}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


class Photo(RenditionsMixin):
    """A captioned photo in a gallery (an article's, an event's); the concrete model adds what it belongs to."""

    UPLOAD_FOLDER = "photos"

    image = CleanImageField(_("image"), upload_to=photo_upload_to, validators=[validate_image])
    alt_text = models.CharField(_("description for screen readers"), max_length=200)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "id"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return self.caption or self.alt_text
