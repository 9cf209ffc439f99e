"""Work for after the transaction commits, registered once however many writes in it call for it."""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction


class OnceOnCommit:
    """An on-commit callback that knows whether it has run, so that a transaction of many writes (loading the demo
    changes hundreds of rows in one) registers `function` once while a call to it is waiting."""

    def __init__(self, function: Callable[[], object]) -> None:
        self.function = function
        self.done = False

    def __call__(self) -> None:
        self.done = True
        self.function()


def once_on_commit(function: Callable[[], object]) -> None:
    """Call `function` after the commit, unless a call to it registered in this transaction is waiting."""
    connection = transaction.get_connection()
    # A callback registered in a savepoint that rolls back is dropped with it, so a later change registers again.
    waiting = (
        isinstance(callback, OnceOnCommit) and callback.function is function and not callback.done
        for _sids, callback, _robust in connection.run_on_commit
    )
    if connection.in_atomic_block and any(waiting):
        return
    transaction.on_commit(OnceOnCommit(function), robust=True)
