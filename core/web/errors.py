"""Error reports to Sentry (sentry-sdk), started from the settings only when SENTRY_DSN is set."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sentry_sdk._types import Event


def start_sentry(dsn: str, *, environment: str, traces_sample_rate: float) -> None:
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        traces_sample_rate=traces_sample_rate,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        send_default_pii=False,  # no user names, addresses, cookies or form data of officers and delegates
        before_send=without_request_data,
    )


def without_request_data(event: Event, hint: dict[str, Any]) -> Event:
    """Request bodies and query strings may hold delegates' details: the report keeps the method and path only."""
    request = event.get("request")
    if isinstance(request, dict):
        event["request"] = {key: request[key] for key in ("method", "url") if key in request}
    return event
