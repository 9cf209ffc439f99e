"""Whole pages for anonymous readers, kept in the "pages" cache (Redis, or the database cache without Redis, so
that every worker process sees the same pages and the same invalidation).

Invalidation is exact by generation: every cached page is stored with the content generation it was rendered at,
and any change to public content (a save, a delete or a change of tags, once its transaction commits) starts a
new generation, so no page rendered before the change is ever served after it. No page is kept past the next
scheduled change (an article's publish time, a meeting's start or registration deadline): the apps register
functions that say when that is.

A page is cached only when nothing personal can be in it: a GET without a session or messages cookie, answered
200 without setting a cookie and without `private`, `no-cache` or `no-store`. Signed-in readers, previews,
forms with a CSRF token and POSTs are never cached.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import time
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

from core import effects, registry
from core.commit import once_on_commit
from core.web import metrics

logger = logging.getLogger(__name__)

GENERATION_KEY = "generation"
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store")

_next_change_functions: list[Callable[[datetime.datetime], datetime.datetime | None]] = []


def register_next_change(function: Callable[[datetime.datetime], datetime.datetime | None]) -> None:
    """`function(now)` returns when this app's public content next changes by itself (or None); the apps declare
    theirs (Contributions.next_change), registered when core starts."""
    if function not in _next_change_functions:
        _next_change_functions.append(function)


def _cache() -> BaseCache:
    return caches["pages"]


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def current_generation() -> str:
    generation = _cache().get(GENERATION_KEY)
    if generation is None:
        generation = new_generation()
    return generation


def new_generation(**kwargs: Any) -> str:
    """Start a new content generation: every page cached so far is out of date."""
    generation = uuid.uuid4().hex
    try:
        _cache().set(GENERATION_KEY, generation, None)
    except Exception:
        logger.warning("could not start a new page-cache generation", exc_info=True)
    return generation


def content_changed(sender: type, **kwargs: Any) -> None:
    if registry.page_cache_models(sender):
        once_on_commit(new_generation)


def connect_signals() -> None:
    """Changes to the models of the apps that declare page_cache start a new generation."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_if_public, dispatch_uid=f"core.web.pagecache.{signal}")


def _if_public(sender: type, **kwargs: Any) -> None:
    """Every write a service does not announce itself (admin forms, imports, the demo, update() in migrations)."""
    instance = kwargs.get("instance")
    if effects.handled_by_a_service(instance):
        return
    model = type(instance) if instance is not None else sender  # m2m_changed sends the through table
    if getattr(model, "_meta", None) is not None:
        content_changed(model, **kwargs)


def seconds_to_keep(generation: str, now: datetime.datetime | None = None) -> int:
    """The page lifetime: PAGE_CACHE_SECONDS, or less when content changes by itself before then. The next such
    change is looked up once per generation."""
    now = now or timezone.now()
    key = f"next-change:{generation}"
    next_change = _cache().get(key)
    if next_change is None or (next_change and next_change <= now.timestamp()):
        times = [when for function in _next_change_functions if (when := function(now)) is not None]
        next_change = min(times).timestamp() if times else 0.0  # 0.0: nothing scheduled
        _cache().set(key, next_change, settings.PAGE_CACHE_SECONDS)
    seconds = settings.PAGE_CACHE_SECONDS
    if next_change:
        seconds = min(seconds, max(0, int(next_change - now.timestamp())))
    return seconds


def _key(request: HttpRequest) -> str:
    digest = hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()
    return f"page:{digest}"


def may_serve_from_cache(request: HttpRequest) -> bool:
    return enabled() and request.method == "GET" and not any(name in request.COOKIES for name in PERSONAL_COOKIES)


def may_store(request: HttpRequest, response: HttpResponse) -> bool:
    # page_cache_skip: the response depends on more than its address (the API's Accept-Language).
    if (
        response.status_code != 200
        or response.streaming
        or response.cookies
        or getattr(response, "page_cache_skip", False)
    ):
        return False
    directives = response.get("Cache-Control", "")
    if any(directive in directives for directive in UNCACHEABLE_DIRECTIVES):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


class PageCacheMiddleware:
    """Serves anonymous readers whole pages from the pages cache and stores what may be stored. Sits outside the
    middleware that converts to Traditional Chinese, so converted pages are cached as they are sent."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not may_serve_from_cache(request):
            return self._mark_private_if_personal(request, self.get_response(request))
        key = _key(request)
        started = time.perf_counter()
        try:
            found = _cache().get_many([GENERATION_KEY, key])  # one round trip
            generation = found.get(GENERATION_KEY) or new_generation()
        except Exception:
            logger.warning("page cache unavailable", exc_info=True)
            metrics.PAGE_CACHE_SECONDS.labels("lookup", "error").observe(time.perf_counter() - started)
            return self.get_response(request)
        entry = found.get(key)
        if entry and entry["generation"] == generation and entry["expires"] > time.time():
            metrics.PAGE_CACHE_SECONDS.labels("lookup", "hit").observe(time.perf_counter() - started)
            return self._from_entry(entry)
        metrics.PAGE_CACHE_SECONDS.labels("lookup", "miss").observe(time.perf_counter() - started)
        response = self.get_response(request)
        if may_store(request, response):
            started = time.perf_counter()
            self._store(key, generation, response)
            metrics.PAGE_CACHE_SECONDS.labels("store", "done").observe(time.perf_counter() - started)
        return response

    def _store(self, key: str, generation: str, response: HttpResponse) -> None:
        seconds = seconds_to_keep(generation)
        # A proxy (nginx's micro-cache, a CDN) cannot be told of a change, so it may keep the page only briefly and
        # then asks again with the ETag, which this cache answers with a 304 without rendering.
        patch_cache_control(response, public=True, max_age=0, s_maxage=min(seconds, settings.PROXY_CACHE_SECONDS))
        # Nothing personal reaches this point, so the page does not vary by cookie (shared caches step aside for
        # signed-in readers by their session cookie: deploy/nginx.conf); nor by Accept-Language, since the
        # language is the path's (unprefixed paths are always Simplified Chinese).
        vary = [
            v.strip()
            for v in response.get("Vary", "").split(",")
            if v.strip() and v.strip().lower() not in ("cookie", "accept-language")
        ]
        if vary:
            response["Vary"] = ", ".join(vary)
        elif response.has_header("Vary"):
            del response["Vary"]
        if seconds <= 0:
            return
        entry = {
            "generation": generation,
            "expires": time.time() + seconds,
            "status": response.status_code,
            "headers": list(response.items()),
            "content": response.content,
        }
        try:
            _cache().set(key, entry, seconds)
        except Exception:
            logger.warning("could not store a page", exc_info=True)

    @staticmethod
    def _from_entry(entry: dict[str, Any]) -> HttpResponse:
        response = HttpResponse(entry["content"], status=entry["status"])
        for header, value in entry["headers"]:
            response[header] = value
        response["X-Page-Cache"] = "hit"
        return response

    @staticmethod
    def _mark_private_if_personal(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        """A page for a signed-in reader may hold their name: no shared cache may keep it."""
        if any(name in request.COOKIES for name in PERSONAL_COOKIES) and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
            patch_vary_headers(response, ["Cookie"])
        return response
