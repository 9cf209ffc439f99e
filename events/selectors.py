"""Reads about events for other pages: the home page and the liaison officer's desk."""

from __future__ import annotations

from typing import TYPE_CHECKING

from events.models import Delegation, Event

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
