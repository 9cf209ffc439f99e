"""Reading from the streaming replica (DATABASE_REPLICA_URL) while the primary database is gone.

Every query goes to the primary while it answers: a reader never sees a page older than what staff saved. When
a request finds the primary unreachable, this process remembers it for PRIMARY_RETRY_SECONDS and anonymous reads
(GET and HEAD without a session) are served from the replica (core.web.replica); whatever writes still goes to
the primary, and fails there, which the read-only page says (core.web.middleware.database_unavailable)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings

REPLICA = "replica"
PRIMARY_RETRY_SECONDS = 10

_reading_from_replica: ContextVar[bool] = ContextVar("reading_from_replica", default=False)
_primary_down_until = 0.0


def configured() -> bool:
    return REPLICA in settings.DATABASES


@contextmanager
def reads() -> Iterator[None]:
    """Within this block, the ORM reads from the replica."""
    token = _reading_from_replica.set(True)
    try:
        yield
    finally:
        _reading_from_replica.reset(token)


def primary_lost() -> None:
    global _primary_down_until
    _primary_down_until = time.monotonic() + PRIMARY_RETRY_SECONDS


def primary_presumed_down() -> bool:
    return time.monotonic() < _primary_down_until


def primary_back() -> None:
    global _primary_down_until
    _primary_down_until = 0.0


class PrimaryReplicaRouter:
    """Reads go to the replica only inside `reads()`; writes and migrations always to the primary."""

    def db_for_read(self, model: Any, **hints: Any) -> str | None:
        return REPLICA if _reading_from_replica.get() and configured() else None

    def db_for_write(self, model: Any, **hints: Any) -> str:
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # the same data on both

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        return False if db == REPLICA else None
