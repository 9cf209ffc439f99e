"""Counts shown to staff on the admin index. Each app registers the figures that matter to its staff."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

Provider = Callable[[HttpRequest], Iterable["Tile"]]

_providers: list[Provider] = []


@dataclass
class Tile:
    label: StrOrPromise
    count: int
    url: str = ""
    attention: bool = False  # something waits for a decision


def register(provider: Provider) -> Provider:
    """`provider(request)` yields Tiles for what the user may see; used as a decorator."""
    _providers.append(provider)
    return provider


def tiles_for(request: HttpRequest) -> list[Tile]:
    return [tile for provider in _providers for tile in provider(request)]
