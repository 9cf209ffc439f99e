"""Image renditions, made once when an image is saved and stored through the storage API."""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image, ImageOps

if TYPE_CHECKING:
    from django.core.files.storage import Storage
    from django.db.models.fields.files import FieldFile

# (width, height, [(target width, height, {format: bytes})], share card JPEG) of an image's renditions, before they
# are stored.
Encoded = tuple[int, int, list[tuple[int, int, dict[str, bytes]]], bytes]

# 1200 so that an 860 px slot (1.4x screens) no longer downloads the 1600 px file.
WIDTHS = (400, 800, 1200, 1600)
# WeChat's share card, and other apps' link previews, show a square image at least 300 px wide.
SHARE_SIZE = 300
FORMATS = {
    "webp": ("WEBP", {"quality": 80, "method": 4}),
    "jpeg": ("JPEG", {"quality": 82, "optimize": True, "progressive": True}),
}


# Encoded renditions by the source's digest, kept only where settings.RENDITIONS_MEMO is on: the test suite, which
# loads the same demo photos dozens of times (encoding them is most of the demo's loading time).
_memo: dict[str, Encoded] = {}


def make_renditions(field_file: FieldFile) -> dict[str, Any]:
    """Resize to each width not wider than the original, as WebP and JPEG, and crop the middle square for the share
    card.

    Returns {"width": w, "height": h, "sizes": [{"width", "height", "webp", "jpeg"}, ...], "share": name} with
    storage names.
    """
    storage = field_file.storage
    field_file.open("rb")
    try:
        source_bytes = field_file.read()
    finally:
        field_file.close()
    name = field_file.name
    assert name is not None  # open() refuses a field without a file
    digest = hashlib.sha256(source_bytes).hexdigest() if getattr(settings, "RENDITIONS_MEMO", False) else None
    if digest not in _memo:
        encoded = _encode(source_bytes)
        if digest is None:
            return _store(storage, name, *encoded)
        _memo[digest] = encoded
    return _store(storage, name, *_memo[digest])


def _encode(source_bytes: bytes) -> Encoded:
    """(width, height, [(target width, height, {format: bytes})], share card)"""
    with Image.open(io.BytesIO(source_bytes)) as source:
        source.seek(0)
        image = ImageOps.exif_transpose(source).convert("RGB")
    width, height = image.size
    encoded: list[tuple[int, int, dict[str, bytes]]] = []
    for target in expected_widths(width):
        scaled_height = max(1, round(height * target / width))
        resized = image if target == width else image.resize((target, scaled_height), Image.Resampling.LANCZOS)
        files: dict[str, bytes] = {}
        for key, (pillow_format, options) in FORMATS.items():
            buffer = io.BytesIO()
            resized.save(buffer, format=pillow_format, **options)
            files[key] = buffer.getvalue()
        encoded.append((target, scaled_height, files))
    square = ImageOps.fit(image, (SHARE_SIZE, SHARE_SIZE), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    square.save(buffer, format="JPEG", quality=85, optimize=True)
    return width, height, encoded, buffer.getvalue()


def _store(
    storage: Storage,
    name: str,
    width: int,
    height: int,
    encoded: list[tuple[int, int, dict[str, bytes]]],
    share: bytes,
) -> dict[str, Any]:
    stem = os.path.splitext(name)[0].replace("originals/", "renditions/", 1)
    sizes: list[dict[str, Any]] = []
    for target, scaled_height, files in encoded:
        entry: dict[str, Any] = {"width": target, "height": scaled_height}
        for key, content in files.items():
            entry[key] = storage.save(f"{stem}-{target}.{key}", ContentFile(content))
        sizes.append(entry)
    share_name = storage.save(f"{stem}-share.jpeg", ContentFile(share))
    return {"width": width, "height": height, "sizes": sizes, "share": share_name}


def rendition_urls(renditions: Mapping[str, Any], storage: Storage) -> dict[str, Any] | None:
    """The data a <picture> needs: srcsets per format, the fallback URL and the intrinsic size."""
    sizes = renditions.get("sizes") or []
    if not sizes:
        return None
    largest = sizes[-1]
    middle = sizes[min(1, len(sizes) - 1)]
    return {
        "webp_srcset": ", ".join(f"{storage.url(s['webp'])} {s['width']}w" for s in sizes),
        "jpeg_srcset": ", ".join(f"{storage.url(s['jpeg'])} {s['width']}w" for s in sizes),
        "src": storage.url(middle["jpeg"]),
        "thumbnail": storage.url(sizes[0]["jpeg"]),
        "width": largest["width"],
        "height": largest["height"],
        "share": storage.url(renditions["share"]) if renditions.get("share") else "",
    }


def expected_widths(original_width: int) -> list[int]:
    return sorted({min(w, original_width) for w in WIDTHS})


def is_current(renditions: Mapping[str, Any]) -> bool:
    """Whether renditions were made with today's widths (else `refresh_renditions` makes them again)."""
    sizes = renditions.get("sizes") or []
    widths = [s["width"] for s in sizes]
    return bool(sizes) and widths == expected_widths(renditions.get("width", 0)) and bool(renditions.get("share"))
