"""Prometheus metrics at /metrics, for staff signed in with both steps or a scraper holding METRICS_TOKEN.

Requests by view and status and their latency come from django-prometheus's middleware; the portal adds its
database time per query (core/web/requestlog.py), the page cache's lookups, and, read at each scrape, what an operator
watches: the outbox backlog and its oldest pending e-mail, and what the apps register (registrations by state).
With several gunicorn workers set PROMETHEUS_MULTIPROC_DIR (deploy/gunicorn.conf.py): every worker's counts are
then added up."""

from __future__ import annotations

import hmac
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, Histogram, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily

logger = logging.getLogger(__name__)

DB_QUERY_SECONDS = Histogram(
    "portal_db_query_seconds",
    "Time of each database query a request makes.",
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
)
PAGE_CACHE_SECONDS = Histogram(
    "portal_page_cache_seconds",
    "Time of the page cache's lookups and stores.",
    ["operation", "result"],
    buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 0.5),
)

# name -> function giving (labels, value) pairs, read at each scrape: each app registers its own in ready().
_gauges: dict[str, tuple[str, list[str], Callable[[], Iterable[tuple[list[str], float]]]]] = {}


def register_gauge(
    name: str, documentation: str, labels: list[str], read: Callable[[], Iterable[tuple[list[str], float]]]
) -> None:
    _gauges[name] = (documentation, labels, read)


class PortalCollector:
    def collect(self) -> Iterator[GaugeMetricFamily]:
        up = GaugeMetricFamily(
            "portal_metrics_source_up",
            "1 when a gauge below could be read (0: the database was unavailable, say).",
            labels=["gauge"],
        )
        for name, (documentation, labels, read) in _gauges.items():
            family = GaugeMetricFamily(name, documentation, labels=labels)
            try:
                for label_values, value in read():
                    family.add_metric(label_values, value)
            except Exception:
                logger.warning("metrics: %s could not be read", name, exc_info=True)
                up.add_metric([name], 0)
                continue
            up.add_metric([name], 1)
            yield family
        yield up


_collector = PortalCollector()
REGISTRY.register(_collector)


def _outbox() -> Iterable[tuple[list[str], float]]:
    from core.mail.outbox import backlog

    state = backlog()
    yield ["pending"], state["pending"]
    yield ["failed"], state["failed"]


def _oldest_pending() -> Iterable[tuple[list[str], float]]:
    from core.mail.outbox import backlog

    yield [], float(backlog()["oldest_pending_seconds"] or 0)


register_gauge(
    "portal_outbox_emails", "E-mails in the outbox by state (pending: waiting to be sent).", ["state"], _outbox
)
register_gauge(
    "portal_outbox_oldest_pending_seconds", "Age of the oldest e-mail waiting in the outbox.", [], _oldest_pending
)


def may_read(request: HttpRequest) -> bool:
    token = settings.METRICS_TOKEN
    header = request.headers.get("Authorization", "")
    if token and header.startswith("Bearer ") and hmac.compare_digest(header[7:].encode(), token.encode()):
        return True
    user = getattr(request, "user", None)
    return bool(
        user is not None and user.is_authenticated and user.is_staff and getattr(user, "is_verified", lambda: False)()
    )


def metrics_view(request: HttpRequest) -> HttpResponse:
    if not may_read(request):
        response = HttpResponse(
            _("Sign in as staff, or send the metrics token.") + "\n",
            status=403,
            content_type="text/plain; charset=utf-8",
        )
    else:
        registry: Any = REGISTRY
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry)
            registry.register(_collector)
        response = HttpResponse(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)
    response["Cache-Control"] = "private, no-store"
    return response
