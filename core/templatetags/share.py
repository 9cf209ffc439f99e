"""The card a page makes when it is shared in WeChat or another app: title, description and a 300×300 image (the
content's own photo cropped square, or the association's emblem). WeChat's in-app browser, without its JS-SDK,
takes the page's title and the first image of at least 300 px in the body, so the image is also the body's
first, hidden, element; other apps read the Open Graph tags."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.text import Truncator

from core.media.renditions import SHARE_SIZE

register = template.Library()


def share_image_url(picture: Mapping[str, Any] | None) -> str:
    return (picture or {}).get("share") or static("img/share-card.png")


@register.inclusion_tag("includes/share_card.html", takes_context=True)
def share_card(context: Any, title: Any = "", description: Any = "", picture: Mapping[str, Any] | None = None) -> dict:
    request = context.get("request")
    association = context.get("association")
    site_name = getattr(getattr(association, "i18n", None), "name", "") if association else ""
    image = share_image_url(picture)
    return {
        "title": title or site_name,
        "description": Truncator(str(description or "")).chars(120),
        "image": request.build_absolute_uri(image) if request else image,
        "url": request.build_absolute_uri() if request else "",
        "site_name": site_name,
        "size": SHARE_SIZE,
    }


@register.simple_tag
def share_image(picture: Mapping[str, Any] | None = None) -> str:
    return format_html(
        '<img class="share-image" src="{}" width="{}" height="{}" alt="" hidden>',
        share_image_url(picture),
        SHARE_SIZE,
        SHARE_SIZE,
    )
