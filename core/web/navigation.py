"""The site's header and footer links, as the apps declare them (core/registry.py NavEntry), with their addresses
worked out once per language rather than by a {% url %} tag per link on every page."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language

from core import registry


@dataclass(frozen=True)
class Link:
    label: Any
    url: str
    exact: bool


@functools.lru_cache(maxsize=64)
def _links(place: str, language: str, script_prefix: str) -> tuple[tuple[Link, ...], tuple[Link, ...]]:
    """The links of `place` before and after the staff's footer pages (position 100), for the active language."""
    entries = registry.navigation(place)
    links = [(entry.position, Link(entry.label, reverse(entry.url_name), entry.exact)) for entry in entries]
    return tuple(link for position, link in links if position < 100), tuple(
        link for position, link in links if position >= 100
    )


def navigation(request: HttpRequest) -> dict[str, Any]:
    language, prefix = get_language(), get_script_prefix()
    main, _none = _links("main", language, prefix)
    footer, footer_last = _links("footer", language, prefix)
    return {
        "main_navigation": main,
        # The site's own footer pages (staff choose them) stand between these two groups.
        "footer_navigation": footer,
        "footer_navigation_last": footer_last,
    }
