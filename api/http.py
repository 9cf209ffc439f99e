"""How the API speaks HTTP: the reader's language, Traditional Chinese by the pages' own conversion, caching
headers, and a limit on anonymous clients."""

from __future__ import annotations

import json
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.utils.translation.trans_real import parse_accept_lang_header
from ninja.renderers import JSONRenderer
from ninja.throttling import BaseThrottle

from core.i18n.chinese import to_traditional
from core.i18n.translation import interface_languages
from core.web import throttle
from core.web.network import client_ip

PREFIX = "/api/v1/"


def language_from_header(header: str) -> str:
    """The first of our languages the Accept-Language header accepts (zh-TW and zh-HK read Traditional)."""
    others = [language for language in interface_languages() if not language.startswith("zh")]
    for code, _quality in parse_accept_lang_header(header or ""):
        code = code.lower()
        if code in ("zh-hant", "zh-tw", "zh-hk", "zh-mo") or code.startswith("zh-hant-"):
            return "zh-hant"
        if code.startswith("zh"):
            return "zh-hans"
        for language in others:
            if code == language or code.startswith(f"{language}-"):
                return language
    return settings.LANGUAGE_CODE


class ApiLanguageMiddleware:
    """Under /api/v1/: the language is `?lang=`, else the Accept-Language header (then responses say they vary by it
    and stay out of the shared page cache, whose key is the address alone)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        asked = request.GET.get("lang")
        if asked is not None and asked not in interface_languages():
            return JsonResponse(
                {"detail": _("lang must be one of: %(languages)s.") % {"languages": ", ".join(interface_languages())}},
                status=400,
            )
        language = asked or language_from_header(request.headers.get("Accept-Language", ""))
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.get_response(request)
        response["Content-Language"] = language
        if asked is None:
            patch_vary_headers(response, ("Accept-Language",))
            response.page_cache_skip = True  # type: ignore[attr-defined]  # read by core.web.pagecache.may_store
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.has_header("Cache-Control")
        ):
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
        return response


ERROR_DETAILS = {
    400: gettext_lazy("The request could not be read."),
    403: gettext_lazy("You may not do this."),
    404: gettext_lazy("There is nothing at this address. GET /api/v1/ lists the resources."),
    405: gettext_lazy("This address does not accept this method."),
    429: gettext_lazy("Too many requests. Please wait a minute and try again."),
    500: gettext_lazy("Something went wrong on our side. It has been recorded; please try again later."),
    503: gettext_lazy("The service is briefly unavailable. Please try again shortly."),
}


class ApiErrorsAsJsonMiddleware:
    """Under /api/v1/, every error is JSON, whoever answered it: Django's 404 and 500 pages, the middleware's
    refusals (unreadable input, the database away) and the views'. A response may carry a `problem` attribute, a
    sentence saying what was wrong; otherwise the status says it. Headers such as Retry-After are kept."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith(PREFIX) or response.status_code < 400:
            return response
        if response.get("Content-Type", "").startswith("application/json"):
            return response
        with translation.override(getattr(request, "LANGUAGE_CODE", None) or settings.LANGUAGE_CODE):
            detail = getattr(response, "problem", None) or ERROR_DETAILS.get(response.status_code)
            detail = str(detail or HTTPStatus(response.status_code).phrase)
        answer = JsonResponse(
            {"detail": detail}, status=response.status_code, json_dumps_params={"ensure_ascii": False}
        )
        for header in ("Retry-After", "Allow", "Content-Language", "Vary", "Cache-Control"):
            if response.has_header(header):
                answer[header] = response[header]
        return answer


def _traditional(value: Any) -> Any:
    if isinstance(value, str):
        return to_traditional(value)
    if isinstance(value, list):
        return [_traditional(item) for item in value]
    if isinstance(value, dict):
        return {key: _traditional(item) for key, item in value.items()}
    return value


class PortalRenderer(JSONRenderer):
    """UTF-8 JSON; on zh-hant every text converted from the Simplified as the pages are."""

    def render(self, request: HttpRequest, data: Any, *, response_status: int) -> Any:
        if translation.get_language() == "zh-hant":
            data = json.loads(json.dumps(data, cls=self.encoder_class))
            data = _traditional(data)
        return json.dumps(data, cls=self.encoder_class, ensure_ascii=False)


class AnonymousThrottle(BaseThrottle):
    """API_ANONYMOUS_RATE requests per minute per client address; signed-in staff are not limited. With the cache
    down every request is allowed (core.web.throttle)."""

    def allow_request(self, request: HttpRequest) -> bool:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return True
        return throttle.within_limit("api", [client_ip(request)], limit=settings.API_ANONYMOUS_RATE, seconds=60)

    def wait(self) -> float:
        return 60.0
