"""The association's profile (its names, address, contact) for the apps below it: e-mails and feeds sign with it.
The association app, on top, registers how to load it, so no lower app imports it."""

from collections.abc import Callable
from typing import Any

_load_profile: Callable[[], Any] | None = None


def register_profile(load: Callable[[], Any]) -> None:
    global _load_profile
    _load_profile = load


def profile() -> Any:
    """The association's profile (cached by its loader), or None before the association app is ready."""
    return _load_profile() if _load_profile else None
