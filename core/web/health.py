"""Health checks for load balancers and operators.

`/healthz` is the cheap liveness check: one database round trip (and, with the primary gone, one to the replica:
an instance that serves readers from it is alive, and says "read-only"). `/healthz/ready` says what works and what does
not: the database, the cache, the task broker, the e-mail outbox and whether a worker has been seen lately. It
answers 503 only when the database is down, because without Redis or a worker the site still serves every page
and keeps every registration (mail waits in the outbox); then it says "degraded" and why.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connections
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core import jobs, registry, replica
from core.mail import outbox
from core.models import PeriodicRun

# A pending e-mail older than this means delivery is stuck.
OUTBOX_STUCK_SECONDS = 15 * 60


def _database_ok(alias: str = "default") -> bool:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def _ping_redis(url: str) -> dict[str, Any]:
    import redis

    started = time.monotonic()
    try:
        client = redis.Redis.from_url(
            url, socket_connect_timeout=settings.REDIS_TIMEOUT_SECONDS, socket_timeout=settings.REDIS_TIMEOUT_SECONDS
        )
        client.ping()
        client.close()
    except redis.RedisError as error:
        return {"status": "unavailable", "error": type(error).__name__}
    return {"status": "ok", "ms": round((time.monotonic() - started) * 1000, 1)}


def _cache() -> dict[str, Any]:
    backend = settings.CACHES["default"]["BACKEND"]
    if "redis" not in backend.lower():
        return {"status": "local"}
    return _ping_redis(settings.CACHES["default"]["LOCATION"])


def _broker() -> dict[str, Any]:
    url = settings.CELERY_BROKER_URL
    if jobs.embedded():
        return {"status": "embedded"}  # tasks run in the web process
    if url.startswith(("redis://", "rediss://", "unix://")):
        return _ping_redis(url)
    from kombu import Connection

    try:
        with Connection(url, connect_timeout=settings.REDIS_TIMEOUT_SECONDS) as broker:
            broker.ensure_connection(max_retries=1)
    except Exception as error:
        return {"status": "unavailable", "error": type(error).__name__}
    return {"status": "ok"}


def _worker() -> dict[str, Any]:
    sweep = PeriodicRun.objects.filter(name=registry.job_for_task("core.tasks.sweep_outbox").name).first()
    seen = None if sweep is None else round((timezone.now() - sweep.finished_at).total_seconds())
    if jobs.embedded():
        return {"status": "embedded", "last_sweep_seconds_ago": seen}
    if seen is None:
        return {"status": "never seen"}
    fresh = seen <= 3 * settings.OUTBOX_SWEEP_INTERVAL_SECONDS + 60
    return {"status": "ok" if fresh else "stale", "last_sweep_seconds_ago": seen}


def _outbox() -> dict[str, Any]:
    figures = outbox.backlog()
    oldest = figures["oldest_pending_seconds"]
    return {"status": "stuck" if oldest is not None and oldest > OUTBOX_STUCK_SECONDS else "ok", **figures}


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    if _database_ok():
        return JsonResponse({"status": "ok", "database": "ok"})
    if replica.configured() and _database_ok(replica.REPLICA):  # alive, and serving readers
        return JsonResponse({"status": "read-only", "database": "unavailable", "replica": "ok"})
    return JsonResponse({"status": "error", "database": "unavailable"}, status=503)


@never_cache
@require_safe
def ready(request: HttpRequest) -> JsonResponse:
    if not _database_ok():
        return JsonResponse({"status": "error", "checks": {"database": {"status": "unavailable"}}}, status=503)
    try:
        checks = {
            "database": {"status": "ok"},
            "cache": _cache(),
            "broker": _broker(),
            "worker": _worker(),
            "outbox": _outbox(),
        }
    except DatabaseError:  # lost between the round trip and the outbox figures
        return JsonResponse({"status": "error", "checks": {"database": {"status": "unavailable"}}}, status=503)
    healthy = {"ok", "local", "embedded"}
    problems = sorted(name for name, check in checks.items() if check["status"] not in healthy)
    return JsonResponse({"status": "degraded" if problems else "ok", "problems": problems, "checks": checks})
