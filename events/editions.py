"""The next edition of a meeting, made from the last: its settings and agenda moved by the difference in dates, its
title with the new year in every language, without its delegations, photos or guests, as a draft for staff to
finish."""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.i18n.translation import columns
from events.models import Event

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def copied_fields() -> list[str]:
    """What the next edition takes over as it is: its settings, and its texts in every content language."""
    return [
        "kind",
        "series",
        *columns("title"),
        "host_city",
        *columns("venue"),
        "address",
        *columns("description"),
        "capacity",
        "per_city_limit",
        "requires_approval",
        "waiting_list",
        "reminder_days",
    ]


SHIFTED = ["starts_at", "ends_at", "registration_opens_at", "registration_closes_at", "edit_deadline"]


def _new_year(text: str, old: int, new: int) -> str:
    """The meeting's year, where it stands as a number of its own, becomes the new one: "2026年联络工作会议" becomes
    "2027年联络工作会议", "2026 Liaison Conference" likewise."""
    return re.sub(rf"(?<!\d){old}(?!\d)", str(new), text) if text else text


def _shifted(value: datetime.datetime | None, by: datetime.timedelta) -> datetime.datetime | None:
    return value + by if value is not None else None


@transaction.atomic
def event_next_edition(*, event: Event, starts_at: datetime.datetime, by: User) -> Event:
    if not by.has_perm("events.add_event"):
        raise PermissionDenied
    if starts_at <= event.starts_at:
        raise ValidationError(_("The next edition must start after this one."))
    delta = starts_at - event.starts_at
    copy = Event(
        **{name: getattr(event, name) for name in copied_fields() if hasattr(event, name)},
        **{name: _shifted(getattr(event, name), delta) for name in SHIFTED},
        status=Event.Status.DRAFT,
    )
    if event.series_id and event.edition:
        copy.edition = (
            Event.objects.filter(series_id=event.series_id)
            .order_by("-edition")
            .values_list("edition", flat=True)
            .first()
            or event.edition
        ) + 1
    old_year, new_year = timezone.localtime(event.starts_at).year, timezone.localtime(starts_at).year
    for name in columns("title"):
        setattr(copy, name, _new_year(getattr(copy, name), old_year, new_year))
    copy.full_clean()
    copy.save()
    # The agenda keeps its place in the programme: day n of the meeting stays day n.
    days = datetime.timedelta(days=(timezone.localdate(starts_at) - timezone.localdate(event.starts_at)).days)
    for item in event.agenda.prefetch_related("speakers"):
        speakers = list(item.speakers.all())
        item.pk, item._state.adding, item.event = None, True, copy
        item.day += days
        item.save()
        item.speakers.set(speakers)
    return copy
