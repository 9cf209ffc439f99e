"""Video: uploaded MP4 files checked by their content (H.264 video, AAC audio, as every browser plays them), WebVTT
subtitles, and players embedded only from the Chinese video platforms on the allow-list."""

from __future__ import annotations

import re
import struct
import urllib.parse
from collections.abc import Iterator
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl"}
VIDEO_CODECS = {b"avc1", b"avc3"}  # H.264
AUDIO_CODECS = {b"mp4a"}  # AAC


def _boxes(handle: IO[bytes], start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, payload start, box end) of each box between two offsets."""
    position = start
    while position + 8 <= end:
        handle.seek(position)
        header = handle.read(8)
        if len(header) < 8:
            return
        size, kind = struct.unpack(">I4s", header)
        payload = position + 8
        if size == 1:
            size = struct.unpack(">Q", handle.read(8))[0]
            payload += 8
        elif size == 0:
            size = end - position
        if size < 8:
            return
        yield kind, payload, min(position + size, end)
        position += size


def codecs_of(handle: IO[bytes], length: int) -> tuple[bytes | None, set[bytes]]:
    """The file's brand (from ftyp) and the sample entry types of its tracks (from each stsd)."""
    brand, found = None, set()

    def walk(start: int, end: int, depth: int) -> None:
        nonlocal brand
        for kind, payload, box_end in _boxes(handle, start, end):
            if kind == b"ftyp" and depth == 0:
                handle.seek(payload)
                brand = handle.read(4)
            elif kind in CONTAINERS and depth < 6:
                walk(payload, box_end, depth + 1)
            elif kind == b"stsd":
                handle.seek(payload + 4)  # version and flags
                (entries,) = struct.unpack(">I", handle.read(4))
                position = payload + 8
                for _ in range(min(entries, 8)):
                    handle.seek(position)
                    size, entry = struct.unpack(">I4s", handle.read(8))
                    found.add(entry)
                    position += max(size, 8)

    walk(0, length, 0)  # top-level boxes are skipped by their size: the media data is never read
    return brand, found


def validate_mp4(file: Any) -> None:
    """An MP4 whose video is H.264 and whose audio (if any) is AAC, within VIDEO_MAX_BYTES."""
    if file.size > settings.VIDEO_MAX_BYTES:
        raise ValidationError(
            _("The video is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(settings.VIDEO_MAX_BYTES)},
            code="video_too_large",
        )
    file.seek(0)
    try:
        brand, codecs = codecs_of(file, file.size)
    except (struct.error, OSError):
        brand, codecs = None, set()
    finally:
        file.seek(0)
    if brand is None:
        raise ValidationError(_("This is not an MP4 video file."), code="video_type")
    video, audio = codecs & VIDEO_CODECS, codecs - VIDEO_CODECS
    if not video:
        raise ValidationError(
            _(
                "The video must be H.264 (AVC) in an MP4 file; re-encode it, for example with "
                "“ffmpeg -i in.mov -c:v libx264 -c:a aac out.mp4”."
            ),
            code="video_codec",
        )
    if audio and not audio <= AUDIO_CODECS:
        raise ValidationError(
            _("The sound must be AAC; re-encode it, for example with “ffmpeg -i in.mp4 -c:v copy -c:a aac out.mp4”."),
            code="audio_codec",
        )


def validate_webvtt(file: Any) -> None:
    file.seek(0)
    head = file.read(64)
    file.seek(0)
    if file.size > 1024 * 1024:
        raise ValidationError(_("A subtitle file may be at most 1 MB."), code="subtitles_too_large")
    if not head.lstrip(b"\xef\xbb\xbf").startswith(b"WEBVTT"):
        raise ValidationError(
            _("Subtitles must be a WebVTT file (it starts with the word WEBVTT)."), code="subtitles_type"
        )


# Page address on a platform -> its player's address. Each pattern names the video's id; nothing else is kept.
PLATFORMS = [
    (
        "bilibili",
        re.compile(r"^https://(?:www\.|m\.)?bilibili\.com/video/(?P<id>BV[0-9A-Za-z]{10})/?$"),
        "https://player.bilibili.com/player.html?bvid={id}&autoplay=0",
    ),
    (
        "bilibili",
        re.compile(r"^https://player\.bilibili\.com/player\.html\?(?:.*&)?bvid=(?P<id>BV[0-9A-Za-z]{10})(?:&.*)?$"),
        "https://player.bilibili.com/player.html?bvid={id}&autoplay=0",
    ),
    (
        "tencent",
        re.compile(r"^https://v\.qq\.com/x/(?:cover/[0-9a-z]+|page)/(?P<id>[0-9a-z]{11})\.html$"),
        "https://v.qq.com/txp/iframe/player.html?vid={id}",
    ),
    (
        "youku",
        re.compile(r"^https://v\.youku\.com/v_show/id_(?P<id>[0-9A-Za-z=]{10,20})\.html$"),
        "https://player.youku.com/embed/{id}",
    ),
]


def embed_url(page_url: str) -> str:
    """The player address for a video page on an allowed platform; ValidationError for anything else."""
    cleaned = page_url.strip().split("#")[0]
    cleaned = (
        urllib.parse.urlsplit(cleaned)._replace(query="").geturl() if "player.bilibili" not in cleaned else cleaned
    )
    for name, pattern, player in PLATFORMS:
        match = pattern.match(cleaned)
        if match and name in settings.VIDEO_PLATFORMS:
            return player.format(id=match["id"])
    raise ValidationError(
        _(
            "Give the address of a video page on Bilibili, Tencent Video or Youku, "
            "e.g. https://www.bilibili.com/video/BV1xx411c7mD."
        ),
        code="video_platform",
    )
