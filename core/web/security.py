"""The security log (core.models.SecurityEvent, readable by staff in the admin, and the "portal.security" logger
for operators): what was refused or risky, by whom, from where. Kept SECURITY_LOG_KEEP_DAYS."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from core.web.network import client_ip

logger = logging.getLogger("portal.security")


def record(
    kind: str, *, request: HttpRequest | None = None, user: Any = None, username: str = "", detail: str = ""
) -> None:
    """Write one event; a security log that cannot be written must not break the request it describes."""
    from core.models import SecurityEvent

    if user is None and request is not None:
        candidate = getattr(request, "user", None)
        user = candidate if candidate is not None and candidate.is_authenticated else None
    ip_address = client_ip(request) if request is not None else None
    path = request.get_full_path()[:200] if request is not None else ""
    username = username or (user.get_username() if user is not None else "")
    logger.warning("%s user=%s ip=%s path=%s %s", kind, username or "-", ip_address or "-", path or "-", detail)
    try:
        SecurityEvent.objects.create(
            kind=kind, user=user, username=username[:150], ip_address=ip_address or None, path=path, detail=detail[:300]
        )
    except DatabaseError:
        logger.exception("could not write the security event")


def forget_old_events() -> int:
    from core.models import SecurityEvent

    cutoff = timezone.now() - datetime.timedelta(days=settings.SECURITY_LOG_KEEP_DAYS)
    return SecurityEvent.objects.filter(at__lt=cutoff).delete()[0]


class RefusalsMiddleware:
    """Every 403 answered (a permission refused, a CSRF failure) goes to the security log."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 403:
            record("refused", request=request, detail=f"{request.method} answered 403")
        return response


def connect_signals() -> None:
    from axes.signals import user_locked_out
    from django.db.models.signals import post_save

    from core.models import ExportLog

    user_locked_out.connect(_locked_out, dispatch_uid="core.web.security.locked_out")
    post_save.connect(_exported, sender=ExportLog, dispatch_uid="core.web.security.exported")


def _locked_out(
    sender: Any, request: HttpRequest, username: str | None = None, ip_address: str | None = None, **kwargs: Any
) -> None:
    """Once per lock-out, not for each attempt refused while it lasts."""
    from core.models import SecurityEvent

    since = timezone.now() - settings.AXES_COOLOFF_TIME
    if not SecurityEvent.objects.filter(
        kind="lockout", username=username or "", ip_address=ip_address or None, at__gte=since
    ).exists():
        record(
            "lockout", request=request, username=username or "", detail="sign-in locked after repeated wrong passwords"
        )


def _exported(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    if created:
        record("export", user=instance.user, detail=f"{instance.what} ({instance.row_count})")
