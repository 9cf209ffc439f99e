"""Reads about events for other pages: the home page and the liaison officer's desk."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db.models import Min, Q

from events.models import Delegation, Event, NoticeRecipient

if TYPE_CHECKING:
    from members.models import MemberCity


def upcoming(limit: int = 5) -> list[Event]:
    return list(Event.objects.upcoming().select_related("series", "host_city")[:limit])


def open_events_with_delegations(city: MemberCity) -> list[Event]:
    """Events open for registration, each with `.delegation`: the city's active or latest delegation, or None."""
    events = list(Event.objects.open_for_registration().select_related("series"))
    latest: dict[int, Delegation] = {}
    for delegation in Delegation.objects.filter(event__in=events, city=city).order_by("created_at"):
        if delegation.is_active or delegation.event_id not in latest or not latest[delegation.event_id].is_active:
            latest[delegation.event_id] = delegation
    for event in events:
        event.delegation = latest.get(event.pk)
    return events


def notices_for(city: MemberCity, *, limit: int = 10) -> list[NoticeRecipient]:
    """The meeting notices sent to a city, newest first (unread ones are marked on the desk)."""
    return list(
        NoticeRecipient.objects.filter(city=city)
        .select_related("notice", "notice__event", "notice__event__series")
        .order_by("-sent_at")[:limit]
    )


SCHEDULED_TIMES = ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at", "edit_deadline")


def next_schedule_change(now: datetime.datetime) -> datetime.datetime | None:
    """The next moment a published meeting's page changes by itself: it starts or ends, registration opens or
    closes, changes close (cached pages must not outlive it)."""
    times = Event.objects.published().aggregate(
        **{field: Min(field, filter=Q(**{f"{field}__gt": now})) for field in SCHEDULED_TIMES}
    )
    return min((when for when in times.values() if when is not None), default=None)


def delegations_by_state() -> list[tuple[list[str], float]]:
    """How many delegations are in each state for meetings that have not ended (for /metrics)."""
    from django.db.models import Count
    from django.utils import timezone

    from events.models import Delegation

    counts = dict(
        Delegation.objects.filter(event__ends_at__gte=timezone.now())
        .values_list("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    return [([state], float(counts.get(state, 0))) for state in Delegation.State.values]
