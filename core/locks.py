"""Row locks that give up: a request waits at most settings.LOCK_TIMEOUT seconds for a row that another
transaction holds, then answers "busy, please retry" instead of piling every worker up behind one stuck
transaction (pretix does the same with PostgreSQL's lock_timeout)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.utils.translation import gettext_lazy as _

_P = ParamSpec("_P")
_R = TypeVar("_R")

LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL's SQLSTATE when lock_timeout runs out


class Busy(Exception):
    """The rows needed are held by someone else for now; nothing was changed. Try again in a moment."""

    message = _(
        "The portal is busy with other changes to the same meeting or article. Nothing was saved: "
        "please try again in a few seconds."
    )


def set_lock_timeout(seconds: float | None = None) -> None:
    """Limit how long the current transaction waits for any lock (PostgreSQL; SQLite has its busy timeout)."""
    if connection.vendor == "postgresql":
        milliseconds = max(1, int((settings.LOCK_TIMEOUT if seconds is None else seconds) * 1000))
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL lock_timeout = {milliseconds}")


def is_lock_timeout(error: BaseException) -> bool:
    if getattr(error.__cause__, "pgcode", None) == LOCK_NOT_AVAILABLE:
        return True
    return "database is locked" in str(error)  # SQLite, once its busy timeout has passed


def atomic_with_lock_timeout(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """transaction.atomic for a service that takes row locks: each wait is bounded, and running out of time is
    Busy (the transaction, or its savepoint, rolled back) rather than an OperationalError. Called inside an outer
    transaction that goes on afterwards (demo loading), the limit stays for the rest of it, as SET LOCAL does."""

    @wraps(function)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            with transaction.atomic():
                set_lock_timeout()
                return function(*args, **kwargs)
        except OperationalError as error:
            if is_lock_timeout(error):
                raise Busy from error
            raise

    return wrapper
