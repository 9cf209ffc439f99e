"""A count of requests per key in a window, in the shared cache (Redis with REDIS_URL), or without one in the
database (a cache in one process's memory would give each gunicorn worker its own count): for forms that cost the
portal something each time and that no sign-in protects, such as asking for a password-reset e-mail."""

import datetime
import hashlib
import logging

from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models import F
from django.utils import timezone

logger = logging.getLogger(__name__)


def _shared_cache() -> bool:
    return not isinstance(caches["default"], LocMemCache)


def _count_in_database(name: str, seconds: int) -> int:
    from core.models import ThrottleCounter

    now = timezone.now()
    with transaction.atomic():
        live = ThrottleCounter.objects.filter(name=name, expires_at__gt=now)
        if live.update(count=F("count") + 1):  # one statement: two processes never lose a count
            return live.values_list("count", flat=True).get()
        ThrottleCounter.objects.filter(expires_at__lte=now).delete()
        ThrottleCounter.objects.update_or_create(
            name=name, defaults={"count": 1, "expires_at": now + datetime.timedelta(seconds=seconds)}
        )
        return 1


def within_limit(scope: str, keys: list[str], *, limit: int, seconds: int, durable: bool = False) -> bool:
    """Count one more request for each key; False when any key has now passed `limit` within `seconds`. With the
    cache unavailable the request is allowed: a cache outage must not stop a reader resetting a password.
    `durable` counts in the database when there is no shared cache (the forms that send e-mail); without it, such a
    count stays in each process (the API's per-minute limit, where a query a request would cost more)."""
    allowed = True
    for key in keys:
        name = f"throttle:{scope}:{hashlib.sha256(key.encode()).hexdigest()}"[:100]
        if durable and not _shared_cache():
            if _count_in_database(name, seconds) > limit:
                allowed = False
            continue
        try:
            if cache.add(name, 1, seconds):
                count = 1
            else:
                count = cache.incr(name)
        except ValueError:  # expired between add() and incr()
            cache.set(name, 1, seconds)
            count = 1
        except Exception:
            logger.warning("throttle counter unavailable", exc_info=True)
            continue
        if count is not None and count > limit:
            allowed = False
    return allowed
