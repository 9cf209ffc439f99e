"""Which saves a service is handling itself (core/publication.py), so that the global receivers that catch every
other write leave them alone. No imports: the receivers of the page cache and the search index both read it."""

from __future__ import annotations

import threading
from typing import Any

_local = threading.local()


def _handled() -> set[tuple[str, Any]]:
    if not hasattr(_local, "handled"):
        _local.handled = set()
    return _local.handled


def key(obj: Any) -> tuple[str, Any]:
    return (obj._meta.label, obj.pk)


def start(obj: Any) -> None:
    _handled().add(key(obj))


def stop(obj: Any) -> None:
    _handled().discard(key(obj))


def handled_by_a_service(obj: Any) -> bool:
    return obj is not None and getattr(obj, "pk", None) is not None and key(obj) in _handled()
