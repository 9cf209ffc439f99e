"""One JSON line per request for the operator: when, which request (its id, also in the response's X-Request-ID and
in every other log line the request causes), what (method, path, view), the answer (status, milliseconds, queries)
and who in kind only (anonymous, officer, staff). Slow requests and slow queries are flagged. Nothing personal is
logged: no query string, no user name or address, secret tokens in paths shortened, SQL without its parameters."""

from __future__ import annotations

import contextvars
import logging
import re
import time
import uuid
from collections.abc import Callable
from typing import Any

import django_redis.exceptions
import kombu.exceptions
import redis.exceptions
from django.conf import settings
from django.db import connections
from django.http import HttpRequest, HttpResponse
from django.utils.functional import empty

from core.web import metrics

logger = logging.getLogger("portal.request")
query_logger = logging.getLogger("portal.slow_query")

current_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
INCOMING = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
TOKEN_SEGMENT = re.compile(r"(?<=/)[A-Za-z0-9_-]{20,}(?=/|$)")


class RequestIdFilter(logging.Filter):
    """Gives every log record the id of the request it happened in ("" outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        return True


# Services that go away and whose loss the portal handles (the page served, the count skipped, the e-mail kept).
OUTAGES = (
    OSError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    django_redis.exceptions.ConnectionInterrupted,
    kombu.exceptions.OperationalError,
)


class HandledWithoutTraceback(logging.Filter):
    """One line, not a traceback, for what the portal handles as meant: a refused request (Django logs a 403 or a
    400 with its exception) and an outage of Redis or the broker (logged with exc_info by django-redis and by our
    fallbacks, once a request while it lasts). The line keeps what went wrong; any other exception keeps its
    traceback, for that is a bug."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if error is None:
            return True
        if getattr(record, "status_code", 500) < 500:
            record.exc_info = record.exc_text = None
        elif isinstance(error, OUTAGES):
            record.msg = f"{record.getMessage()} ({type(error).__name__}: {error})"
            record.args = ()
            record.exc_info = record.exc_text = None
        return True


def user_kind(request: HttpRequest) -> str:
    """anonymous, officer or staff, from the user the request already loaded: the log never loads it itself (that
    would cost a query, and fail while the database is down). "unknown" for a session nobody looked at."""
    user = getattr(request, "user", None)
    wrapped: Any = getattr(user, "_wrapped", user)
    if user is None or wrapped is empty:
        return "unknown" if settings.SESSION_COOKIE_NAME in request.COOKIES else "anonymous"
    if not wrapped.is_authenticated:
        return "anonymous"
    return "staff" if wrapped.is_staff else "officer"


def shown_path(path: str) -> str:
    """The path with secret-looking segments (guest, subscription and reset tokens) cut to their first characters."""
    return TOKEN_SEGMENT.sub(lambda match: match.group(0)[:4] + "…", path)


def log_route_only(request: HttpRequest) -> None:
    """Log this request by its URL pattern, not its path: a page whose address names a person (a personal voting
    link) leaves no trace of who came, so the log's order cannot be matched with the order of anything else."""
    request._log_route_only = True  # type: ignore[attr-defined]


class QueryTimer:
    def __init__(self) -> None:
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            took = time.perf_counter() - started
            metrics.DB_QUERY_SECONDS.observe(took)
            self.count += 1
            self.seconds += took
            if took * 1000 >= settings.SLOW_QUERY_MS:
                query_logger.warning(
                    "slow query", extra={"duration_ms": round(took * 1000, 1), "sql": sql[:500], "slow": True}
                )


class RequestLogMiddleware:
    """Outermost: it times everything the other middleware and the view do."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if settings.TRUSTED_PROXY_COUNT and INCOMING.match(incoming) else uuid.uuid4().hex
        # Not reset when the response leaves: Django logs a 4xx or 5xx after the middleware, and tasks queued by the
        # request run once it has been sent; those lines carry its id too. The next request sets its own.
        current_request_id.set(request_id)
        request.request_id = request_id  # type: ignore[attr-defined]
        timer = QueryTimer()
        started = time.perf_counter()
        with connections["default"].execute_wrapper(timer):
            response = self.get_response(request)
        response["X-Request-ID"] = request_id
        duration = (time.perf_counter() - started) * 1000
        match = getattr(request, "resolver_match", None)
        slow = duration >= settings.SLOW_REQUEST_MS
        (logger.warning if slow else logger.info)(
            "request",
            extra={
                "method": request.method,
                "path": ("/" + match.route)
                if match and getattr(request, "_log_route_only", False)
                else shown_path(request.path),
                "view": match.view_name if match else "",
                "status": response.status_code,
                "duration_ms": round(duration, 1),
                "queries": timer.count,
                "db_ms": round(timer.seconds * 1000, 1),
                "user_kind": user_kind(request),
                "slow": slow,
            },
        )
        return response
