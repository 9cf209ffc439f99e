"""Counting the open data API's requests without a write per request: each request adds one to the day's counter in
the shared cache (Redis), and a periodic job moves the counters into ApiUsage rows. With the cache down a request is
answered as usual and goes uncounted."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable

from django.core.cache import caches
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from api.http import PREFIX
from api.models import ApiUsage
from core.backoffice import figures

logger = logging.getLogger(__name__)
KEEP_COUNTER_SECONDS = 3 * 24 * 3600


def _cache():  # type: ignore[no-untyped-def]
    return caches["pages"]


def _key(day: datetime.date) -> str:
    return f"api-requests:{day.isoformat()}"


def count_request(day: datetime.date | None = None) -> None:
    key = _key(day or timezone.localdate())
    try:
        _cache().add(key, 0, KEEP_COUNTER_SECONDS)
        _cache().incr(key)
    except Exception:
        logger.warning("could not count an API request", exc_info=True)


def record() -> int:
    """Move the counters of yesterday and today into ApiUsage; returns the requests moved. What is moved is taken
    off the counter after it is stored, so a request counted meanwhile stays for the next run."""
    today = timezone.localdate()
    moved = 0
    for day in (today - datetime.timedelta(days=1), today):
        key = _key(day)
        counted = _cache().get(key) or 0
        if not counted:
            continue
        with transaction.atomic():
            ApiUsage.objects.get_or_create(day=day)
            ApiUsage.objects.filter(day=day).update(requests=F("requests") + counted)
            figures.figures_changed()
        _cache().decr(key, counted)
        moved += counted
    return moved


class ApiUsageMiddleware:
    """Counts every request under /api/v1/, those the page cache answers included."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(PREFIX):
            count_request()
        return self.get_response(request)
