"""Counts shown to staff on the admin index. Each app declares the figures that matter to its staff
(`dashboard_tiles` in its contributions.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.http import HttpRequest

from core import registry

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass
class Tile:
    label: StrOrPromise
    count: int
    url: str = ""
    attention: bool = False  # something waits for a decision


def tiles_for(request: HttpRequest) -> list[Tile]:
    return [tile for provider in registry.dashboard_providers() for tile in provider(request)]
