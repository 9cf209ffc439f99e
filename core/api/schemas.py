"""The pieces every resource of the read-only API shares: texts in the reader's language, absolute addresses,
pictures and files, the error body, and cursor pages of 1 to 100 (core/api/pages.py)."""

from __future__ import annotations

from typing import Any

from ninja import Schema

from core.i18n.translation import localized


def in_reader_language(field: str) -> Any:
    """A ninja resolver: the object's field in the reader's language (the Chinese where none was written)."""
    return staticmethod(lambda obj: localized(obj, field))


def absolute(context: Any, url: str) -> str:
    return context["request"].build_absolute_uri(url)


def picture(context: Any, obj: Any) -> dict[str, Any] | None:
    data = obj.picture
    if not data:
        return None
    return {
        "url": absolute(context, data["src"]),
        "thumbnail": absolute(context, data["thumbnail"]),
        "width": data["width"],
        "height": data["height"],
    }


def photos(context: Any, items: Any) -> list[dict[str, Any]]:
    return [
        {"image": image, "alt": photo.alt_text, "caption": photo.caption}
        for photo in items
        if (image := picture(context, photo))
    ]


class Picture(Schema):
    url: str
    thumbnail: str
    width: int
    height: int


class PhotoOut(Schema):
    image: Picture
    alt: str
    caption: str


class FileLink(Schema):
    title: str
    url: str
    size: int
    type: str


class Problem(Schema):
    detail: str


def in_section(queryset: Any, slug: str | None, *, field: str = "branch") -> Any:
    """`queryset` narrowed to one part of the site (?branch=<slug>): the related model is reached through the
    field, so nothing here names it. An unknown or inactive part is a 404, as an unknown category is."""
    if not slug:
        return queryset
    from django.shortcuts import get_object_or_404

    related = queryset.model._meta.get_field(field).related_model
    section = get_object_or_404(related.objects.filter(is_active=True), slug=slug)
    return queryset.filter(**{field: section})
