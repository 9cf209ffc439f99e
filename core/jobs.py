"""Running work outside the request: Celery tasks queued once the transaction commits, and the record of periodic
jobs.

With a broker (CELERY_BROKER_URL, normally the REDIS_URL) a task is published with short timeouts and no retries,
so a broker that is down costs the request a fraction of a second at most; after a failure this process does not
try the broker again for BROKER_PAUSE_SECONDS, and what was not published is picked up by the periodic sweep.
Without a broker (the embedded default: `make run`, most tests) the task runs in this process: after the response
has been sent when it was queued during a request, at once otherwise; and once every OUTBOX_SWEEP_INTERVAL_SECONDS
a finished request also runs the periodic tasks registered with run_in_process_periodically (the outbox sweep, the
view-count flush), so failed e-mails are retried without a worker. Either way the work
itself (an e-mail in the outbox) is already committed, so nothing is lost when the task is.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

_local = threading.local()

BROKER_PAUSE_SECONDS = 15.0
_broker_paused_until = 0.0
_next_embedded_sweep = 0.0
# Periodic tasks that, without a broker (and so without celery beat), finished requests run once an interval.
_in_process_periodic: list[Any] = []


def run_in_process_periodically(task: Any) -> None:
    """Have `task` run by finished requests once every OUTBOX_SWEEP_INTERVAL_SECONDS when there is no broker."""
    if task not in _in_process_periodic:
        _in_process_periodic.append(task)


def embedded() -> bool:
    return not settings.CELERY_BROKER_URL


def run_after_commit(task: Any, *args: Any) -> None:
    """Queue `task(*args)` once the current transaction commits (at once outside a transaction)."""
    transaction.on_commit(lambda: dispatch(task, *args), robust=True)


def dispatch(task: Any, *args: Any) -> None:
    global _broker_paused_until
    if not embedded():
        if time.monotonic() < _broker_paused_until:
            logger.info("broker paused: %s%r left to the periodic sweep", task.name, args)
            return
        try:
            task.apply_async(args, retry=False)
        except Exception:
            _broker_paused_until = time.monotonic() + BROKER_PAUSE_SECONDS
            logger.warning("could not queue %s%r; the periodic sweep will pick it up", task.name, args, exc_info=True)
        return
    waiting = getattr(_local, "after_response", None)
    if waiting is not None:
        waiting.append((task, args))
    else:
        _run_here(task, args)


def _run_here(task: Any, args: tuple[Any, ...]) -> None:
    result = task.apply(args)  # in this process; a failure is kept in the result, not raised
    if result.failed():
        logger.error("%s%r failed in process: %r", task.name, args, result.result)


def _start_collecting(**kwargs: Any) -> None:
    _run_collected()  # a request that never finished cleanly leaves nothing behind
    _local.after_response = []


def _run_collected(**kwargs: Any) -> None:
    global _next_embedded_sweep
    waiting, _local.after_response = getattr(_local, "after_response", None), None
    for task, args in waiting or ():
        _run_here(task, args)
    ran = bool(waiting)
    if embedded() and settings.OUTBOX_SWEEP_IN_PROCESS and time.monotonic() >= _next_embedded_sweep:
        _next_embedded_sweep = time.monotonic() + settings.OUTBOX_SWEEP_INTERVAL_SECONDS
        for task in _in_process_periodic:
            _run_here(task, ())
        ran = True
    if ran:
        close_old_connections()  # Django closed them before this ran; close what the tasks opened


def connect_request_signals() -> None:
    """In embedded mode, tasks queued while a request is served run once its response has been sent (the WSGI
    server closes the response, which sends request_finished)."""
    request_started.connect(_start_collecting, dispatch_uid="core.jobs.start_collecting")
    request_finished.connect(_run_collected, dispatch_uid="core.jobs.run_collected")


def job_name(task: Any) -> str:
    """The name its app declares for the periodic job that runs `task` (a Celery task): its beat entry and its
    record in PeriodicRun."""
    from core import registry

    return registry.job_for_task(task.name).name


@contextmanager
def recorded_run(task: Any) -> Iterator[Callable[[str], str]]:
    """Record when the periodic job that runs `task` last finished, and with what result (given to the function it
    yields, which returns it); the readiness check reads the record."""
    from core.models import PeriodicRun

    name = job_name(task)
    started = time.monotonic()
    summary = {"text": ""}

    def record(text: str) -> str:
        summary["text"] = text[:300]
        return text

    yield record
    PeriodicRun.objects.update_or_create(
        name=name,
        defaults={
            "finished_at": timezone.now(),
            "duration": round(time.monotonic() - started, 3),
            "summary": summary["text"],
        },
    )
