"""A count of requests per key in a window, in the shared cache (Redis with REDIS_URL): for forms that cost the
portal something each time and that no sign-in protects, such as asking for a password-reset e-mail."""

import hashlib
import logging

from django.core.cache import cache

logger = logging.getLogger(__name__)


def within_limit(scope: str, keys: list[str], *, limit: int, seconds: int) -> bool:
    """Count one more request for each key; False when any key has now passed `limit` within `seconds`. With the
    cache unavailable the request is allowed: a cache outage must not stop a reader resetting a password."""
    allowed = True
    for key in keys:
        name = f"throttle:{scope}:{hashlib.sha256(key.encode()).hexdigest()}"
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
