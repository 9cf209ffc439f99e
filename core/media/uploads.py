"""Checks for uploaded files (the content decides, never the file name alone), and images stored without their
metadata."""

from __future__ import annotations

import codecs
import io
import os
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

_F = TypeVar("_F", bound="File[bytes]")

ALLOWED_IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}

# Extension -> the bytes such a file starts with (None: checked as UTF-8 text instead).
DOCUMENT_SIGNATURES: dict[str, tuple[bytes, ...] | None] = {
    ".pdf": (b"%PDF-",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".pptx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".ods": (b"PK\x03\x04",),
    ".zip": (b"PK\x03\x04",),
    ".doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    ".xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    ".ppt": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    ".txt": None,
}


def _rewound(file: _F) -> _F:
    file.seek(0)
    return file


def validate_image(file: File[bytes]) -> None:
    """A real JPEG, PNG, WebP or GIF within the size and pixel limits."""
    if file.size > settings.IMAGE_MAX_BYTES:
        raise ValidationError(
            _("The image is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(settings.IMAGE_MAX_BYTES)},
            code="image_too_large",
        )
    try:
        with Image.open(_rewound(file)) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("This file is not an image we can read. Upload a JPEG, PNG, WebP or GIF file."),
            code="invalid_image",
        ) from None
    finally:
        _rewound(file)
    if image_format not in ALLOWED_IMAGE_FORMATS:
        raise ValidationError(
            _("Images must be JPEG, PNG, WebP or GIF; this one is %(format)s.") % {"format": image_format},
            code="image_format",
        )
    if width * height > settings.IMAGE_MAX_PIXELS:
        raise ValidationError(
            _("The image is %(width)d × %(height)d pixels; at most %(limit)d megapixels are allowed.")
            % {"width": width, "height": height, "limit": settings.IMAGE_MAX_PIXELS // 1_000_000},
            code="image_pixels",
        )


def validate_document(file: File[bytes]) -> None:
    """A document of an allowed type whose content matches its extension, within the size limit."""
    extension = os.path.splitext(file.name or "")[1].lower()
    if extension not in DOCUMENT_SIGNATURES:
        raise ValidationError(
            _("Allowed file types: %(types)s.") % {"types": ", ".join(sorted(DOCUMENT_SIGNATURES))},
            code="document_type",
        )
    if file.size > settings.DOCUMENT_MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(settings.DOCUMENT_MAX_BYTES)},
            code="document_too_large",
        )
    if file.size == 0:
        raise ValidationError(_("The file is empty."), code="document_empty")
    head = _rewound(file).read(4096)
    _rewound(file)
    signatures = DOCUMENT_SIGNATURES[extension]
    if signatures is None:
        try:
            # Not final when the sample stops inside the file: a character cut at its end is still text.
            codecs.getincrementaldecoder("utf-8")().decode(head, final=file.size <= len(head))
        except UnicodeDecodeError:
            raise ValidationError(_("A .txt file must be UTF-8 text."), code="document_content") from None
    elif not head.startswith(signatures):
        raise ValidationError(
            _("The content of this file does not match its %(extension)s extension.") % {"extension": extension},
            code="document_content",
        )


def validate_pdf(file: File[bytes]) -> None:
    """A PDF (by its content, not only its name) within the document size limit."""
    if os.path.splitext(file.name or "")[1].lower() != ".pdf":
        raise ValidationError(_("Please upload a PDF file."), code="pdf_type")
    validate_document(file)


def without_metadata(file: File[bytes]) -> tuple[bytes, str | None]:
    """The uploaded image re-encoded without EXIF, XMP or comments (camera, GPS position, software), turned upright
    as its EXIF orientation said; the colour profile is kept. Returns (bytes, format)."""
    with Image.open(_rewound(file)) as source:
        image_format = source.format
        frames = getattr(source, "n_frames", 1)
        icc_profile = source.info.get("icc_profile")
        buffer = io.BytesIO()
        if image_format == "GIF" and frames > 1:
            source.save(
                buffer,
                format="GIF",
                save_all=True,
                loop=source.info.get("loop", 0),
                duration=source.info.get("duration", 100),
            )
        else:
            image = ImageOps.exif_transpose(source)
            by_format: dict[str | None, dict[str, Any]] = {
                "JPEG": {"quality": 92, "optimize": True},
                "WEBP": {"quality": 90},
                "PNG": {"optimize": True},
                "GIF": {},
            }
            options = by_format[image_format]  # KeyError for a format the portal does not write
            if icc_profile and image_format != "GIF":
                options["icc_profile"] = icc_profile
            if image_format == "JPEG" and image.mode not in ("RGB", "L", "CMYK"):
                image = image.convert("RGB")
            image.save(buffer, format=image_format, **options)
    _rewound(file)
    return buffer.getvalue(), image_format


class CleanImageField(models.ImageField):
    """An ImageField whose newly uploaded files are stored without their metadata (without_metadata): originals
    are served as they are, so nothing of the camera or the place it was taken leaves with them."""

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            try:
                content, _format = without_metadata(file)
            except (OSError, SyntaxError, ValueError, KeyError, Image.DecompressionBombError):
                pass  # not an image Pillow can write back; validate_image refuses such files in forms
            else:
                file.file = ContentFile(content, name=file.name)
        return super().pre_save(model_instance, add)
