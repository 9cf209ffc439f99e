"""Counts shown to staff on the admin index. Each app registers the figures that matter to its staff."""

from dataclasses import dataclass

_providers = []


@dataclass
class Tile:
    label: str
    count: int
    url: str = ""
    attention: bool = False  # something waits for a decision


def register(provider):
    """`provider(request)` yields Tiles for what the user may see; used as a decorator."""
    _providers.append(provider)
    return provider


def tiles_for(request):
    return [tile for provider in _providers for tile in provider(request)]
