from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from core import replica
from core.i18n.chinese import html_to_traditional, to_traditional
from core.locks import Busy

logger = logging.getLogger(__name__)

GetResponse = Callable[[HttpRequest], HttpResponse]

FEED_TYPES = ("application/rss+xml", "application/atom+xml")


class TraditionalChineseMiddleware:
    """On /zh-hant/ pages, the content staff typed in Simplified Chinese is shown in Traditional
    characters, converted by OpenCC as the page leaves (interface strings come from the zh_Hant catalogue)."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            getattr(request, "LANGUAGE_CODE", "") != "zh-hant"
            or response.streaming
            or response.has_header("Content-Encoding")
        ):
            return response
        content_type = response.get("Content-Type", "")
        charset = response.charset or "utf-8"
        if content_type.startswith("text/html"):
            response.content = html_to_traditional(response.content.decode(charset)).encode(charset)
        elif content_type.startswith(FEED_TYPES):
            # Our feeds' URLs are all ASCII, so the whole document can be converted as text.
            response.content = to_traditional(response.content.decode(charset)).encode(charset)
        else:
            return response
        if response.has_header("Content-Length"):  # set before the conversion changed the length
            response["Content-Length"] = str(len(response.content))
        return response


class BusyMiddleware:
    """A request that gave up waiting for a row lock (core.locks.Busy), or that lost its database, changed nothing:
    say so, and when to retry, with 503 and Retry-After, rather than a 500."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, Busy):
            response = render(request, "busy.html", {"message": exception.message}, status=503)
        elif isinstance(exception, DATABASE_ERRORS):
            return database_unavailable(request, exception)
        else:
            return None
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response


DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 5


def database_unavailable(request: HttpRequest, exception: BaseException) -> HttpResponse:
    """503 with Retry-After, for a request that lost its database (in a view, or in a middleware that needed it)."""
    # The page itself needs the database, so it is rendered without the site's context (no queries).
    logger.error("database unavailable: %s", exception, exc_info=exception)
    request.database_unavailable = True  # type: ignore[attr-defined]  # read by core.web.replica
    context = {"path": request.get_full_path(), "read_only": replica.configured()}
    response = HttpResponse(render_to_string("unavailable.html", context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class PermissionsPolicyMiddleware:
    """Permissions-Policy on every response: the browser features in PERMISSIONS_POLICY are off, but for those a
    view allows for itself with @allow_features (the check-in desk's camera)."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not response.has_header("Permissions-Policy"):
            policy = {
                **settings.PERMISSIONS_POLICY,
                **{feature: "(self)" for feature in getattr(response, "allowed_features", ())},
            }
            response["Permissions-Policy"] = ", ".join(f"{feature}={value}" for feature, value in policy.items())
        return response


def allow_features(*features: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Let this view's pages use these browser features (e.g. "camera"), from this site only."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            response = view(request, *args, **kwargs)
            response.allowed_features = features  # type: ignore[attr-defined]  # read by PermissionsPolicyMiddleware
            return response

        return wrapper

    return decorate


class UnreadableInputMiddleware:
    """A request whose path, query or form holds a NUL character or bytes that are not UTF-8 is answered 400 with
    a page saying so, before any view (or database, which refuses NUL) sees it."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _unreadable(request):
            response = HttpResponseBadRequest(render_to_string("400.html", request=request))
            response["Cache-Control"] = "no-store"
            response.problem = _("The request holds a NUL character or bytes that are not UTF-8.")  # type: ignore[attr-defined]
            return response
        return self.get_response(request)


def _unreadable(request: HttpRequest) -> bool:
    raw_path = request.META.get("PATH_INFO", "").encode("latin-1", "replace")
    raw_query = request.META.get("QUERY_STRING", "").encode("latin-1", "replace")
    for raw in (raw_path, unquote_to_bytes(raw_path), unquote_to_bytes(raw_query.replace(b"+", b" "))):
        if b"\x00" in raw or not _is_utf8(raw):
            return True
    if request.method in ("POST", "PUT", "PATCH") and request.content_type == "application/x-www-form-urlencoded":
        body = unquote_to_bytes(request.body.replace(b"+", b" "))
        return b"\x00" in body or not _is_utf8(body)
    if request.method in ("POST", "PUT", "PATCH") and request.content_type == "multipart/form-data":
        return any("\x00" in value for values in request.POST.lists() for value in values[1])
    return False


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
