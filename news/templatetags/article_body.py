"""An article's body with the photos placed in it from the editor drawn as the gallery's are: the current
renditions in both formats, their sizes, lazy loading (the body keeps only the photo's id and a fallback URL)."""

import re
from html import unescape

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from news.services import BODY_IMAGE

register = template.Library()
ALT = re.compile(r'\balt="([^"]*)"')
BODY_SIZES = "(max-width: 900px) 100vw, 860px"


def _picture(image, alt):
    picture = image.picture
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" srcset="{}" sizes="{}" alt="{}" width="{}" height="{}" loading="lazy" decoding="async">'
        "</picture>",
        picture["webp_srcset"],
        BODY_SIZES,
        picture["src"],
        picture["jpeg_srcset"],
        BODY_SIZES,
        alt,
        picture["width"],
        picture["height"],
    )


@register.filter
def with_photos(body, images):
    """`images`: the article's photos, already fetched; a photo the body names that is not among them keeps the
    address the body holds."""
    by_id = {image.pk: image for image in images}

    def draw(match):
        image = by_id.get(int(match.group(1)))
        if image is None or not image.picture:
            return match.group(0)
        alt = ALT.search(match.group(0))
        # The alt is taken from escaped HTML; format_html escapes it again.
        return _picture(image, unescape(alt.group(1)) if alt else image.alt_text)

    return mark_safe(BODY_IMAGE.sub(draw, body or ""))
