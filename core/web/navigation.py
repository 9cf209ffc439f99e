"""The site's header and footer links, as the apps declare them (core/registry.py NavEntry)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from core import registry


def navigation(request: HttpRequest) -> dict[str, Any]:
    footer = registry.navigation("footer")
    return {
        "main_navigation": registry.navigation("main"),
        # The site's own footer pages (staff choose them) stand between these two groups.
        "footer_navigation": [entry for entry in footer if entry.position < 100],
        "footer_navigation_last": [entry for entry in footer if entry.position >= 100],
    }
