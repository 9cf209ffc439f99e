from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from core import replica
from core.web.middleware import GetResponse


class ReplicaFallbackMiddleware:
    """An anonymous reader's page, when the primary database is gone, is read from the replica: first tried on the
    primary, then, if that found the database unavailable, once more on the replica. Signed-in people and anything
    that writes get the read-only page."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not (replica.configured() and _anonymous_read(request)):
            return self.get_response(request)
        if replica.primary_presumed_down():
            return self._from_replica(request)
        response = self.get_response(request)
        if getattr(request, "database_unavailable", False):
            replica.primary_lost()
            request.database_unavailable = False  # type: ignore[attr-defined]
            return self._from_replica(request)
        return response

    def _from_replica(self, request: HttpRequest) -> HttpResponse:
        with replica.reads():
            return self.get_response(request)


def _anonymous_read(request: HttpRequest) -> bool:
    return request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES
