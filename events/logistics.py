"""The lists a secretariat works from, made of what delegations already gave: arrivals (for pick-up) and departures
by day and time with train and flight numbers, the rooming list with shared rooms paired, dietary needs, and table
cards in protocol order. Every active delegation is on them, its state in a column; each is an XLSX file and a
printable page, for staff only, every one recorded."""

import io
from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby

import openpyxl
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from core.models import ExportLog
from core.spreadsheets import append_as_text
from events.models import Delegate, Delegation
from events.rooms import roomed_delegates

ACTIVE = Delegation.ACTIVE_STATES


def _delegates(event):
    return list(
        Delegate.objects.filter(delegation__event=event, delegation__state__in=ACTIVE)
        .select_related("delegation", "delegation__city", "delegation__city__region", "delegation__guest")
        .order_by("delegation_id", "rank", "id")
    )


def _when(value, pattern="%Y-%m-%d %H:%M"):
    return f"{timezone.localtime(value):{pattern}}" if value else ""


def _person(delegate):
    return [delegate.delegation.party_name, delegate.name, delegate.position]


def _state(delegate):
    return delegate.delegation.get_state_display()


def arrivals(event):
    people = sorted((d for d in _delegates(event) if d.arrival), key=lambda d: (d.arrival, d.arrival_by, d.rank))
    missing = [d for d in _delegates(event) if not d.arrival]
    return [
        [_when(d.arrival, "%Y-%m-%d"), _when(d.arrival, "%H:%M"), d.arrival_by, *_person(d), d.mobile, _state(d)]
        for d in [*people, *missing]
    ]


def departures(event):
    people = sorted((d for d in _delegates(event) if d.departure), key=lambda d: (d.departure, d.departure_by, d.rank))
    missing = [d for d in _delegates(event) if not d.departure]
    return [
        [_when(d.departure, "%Y-%m-%d"), _when(d.departure, "%H:%M"), d.departure_by, *_person(d), d.mobile, _state(d)]
        for d in [*people, *missing]
    ]


def _room_row(delegate, mate, sharing_with=None):
    if sharing_with is None and mate is not None:
        sharing_with = mate.name
        if mate.delegation_id != delegate.delegation_id:
            sharing_with = f"{mate.name} · {mate.delegation.party_name}"
    return [
        delegate.hotel.name if delegate.hotel else "",
        delegate.room_number,
        delegate.get_accommodation_display(),
        delegate.delegation.party_name,
        delegate.name,
        sharing_with or "",
        delegate.get_gender_display(),
        _when(delegate.arrival),
        _when(delegate.departure),
        _state(delegate),
    ]


def rooming(event):
    """A room per row, with the hotel, room number and roommates the secretariat gave (events/rooms.py), rooms
    given first by hotel and number. Shared rooms not yet paired are proposed: two people of one delegation and
    one gender in protocol order (an odd one out waits for a roommate from elsewhere)."""
    people = roomed_delegates(event)
    by_pk = {d.pk: d for d in people}
    rows, placed, unpaired = [], set(), []
    for delegate in people:
        if delegate.pk in placed:
            continue
        mate = by_pk.get(delegate.roommate_id)
        if delegate.accommodation == Delegate.Accommodation.SHARED and mate is None:
            unpaired.append(delegate)
            continue
        placed.update({delegate.pk, delegate.roommate_id})
        rows.append(_room_row(delegate, mate))
    unpaired.sort(key=lambda d: (d.delegation_id, d.gender, d.rank, d.id))
    for _key, group in groupby(unpaired, key=lambda d: (d.delegation_id, d.gender)):
        group = list(group)
        for first, second in zip(group[0::2], [*group[1::2], None], strict=False):
            proposed = _("%(name)s (proposed)") % {"name": second.name} if second else _("(roommate to be found)")
            rows.append(_room_row(first, None, proposed))
    given = sorted((row for row in rows if row[0] and row[1]), key=lambda row: (row[0], len(row[1]), row[1]))
    return given + [row for row in rows if not (row[0] and row[1])]


def dietary(event):
    return [[*_person(d), d.dietary_needs, _state(d)] for d in _delegates(event) if d.dietary_needs.strip()]


def table_cards(event):
    """Everyone in protocol order: heads of delegation first, then by rank; delegations in the directory's order."""
    people = sorted(_delegates(event), key=lambda d: (not d.is_head, d.rank, d.delegation.party_name, d.id))
    return [[n, d.name, d.position, d.delegation.party_name, _state(d)] for n, d in enumerate(people, start=1)]


@dataclass(frozen=True)
class LogisticsList:
    slug: str
    title: object  # lazily translated
    columns: tuple
    rows: Callable


PARTY, NAME, POSITION, STATE = (
    gettext_lazy("Delegation"),
    pgettext_lazy("person", "Name"),
    gettext_lazy("Position"),
    gettext_lazy("State"),
)
LISTS = {
    item.slug: item
    for item in [
        LogisticsList(
            "arrivals",
            gettext_lazy("Arrivals (pick-up)"),
            (
                gettext_lazy("Day"),
                gettext_lazy("Time"),
                gettext_lazy("Train or flight"),
                PARTY,
                NAME,
                POSITION,
                gettext_lazy("Mobile"),
                STATE,
            ),
            arrivals,
        ),
        LogisticsList(
            "departures",
            gettext_lazy("Departures"),
            (
                gettext_lazy("Day"),
                gettext_lazy("Time"),
                gettext_lazy("Train or flight"),
                PARTY,
                NAME,
                POSITION,
                gettext_lazy("Mobile"),
                STATE,
            ),
            departures,
        ),
        LogisticsList(
            "rooming",
            gettext_lazy("Rooming list"),
            (
                gettext_lazy("Hotel"),
                gettext_lazy("Room number"),
                gettext_lazy("Room type"),
                PARTY,
                gettext_lazy("Guest"),
                gettext_lazy("Sharing with"),
                gettext_lazy("Gender"),
                gettext_lazy("Arrival"),
                gettext_lazy("Departure"),
                STATE,
            ),
            rooming,
        ),
        LogisticsList(
            "dietary",
            gettext_lazy("Dietary needs"),
            (PARTY, NAME, POSITION, gettext_lazy("Dietary needs"), STATE),
            dietary,
        ),
        LogisticsList(
            "table-cards",
            gettext_lazy("Table cards in protocol order"),
            (gettext_lazy("Order"), NAME, POSITION, PARTY, STATE),
            table_cards,
        ),
    ]
}


def file_name(event, item, extension):
    """The event's name and date, and the list's: 2027年会员大会-2027-04-30-接站名单.xlsx."""
    name = f"{event.display_title}-{timezone.localtime(event.starts_at):%Y-%m-%d}-{item.title}"
    return "".join(ch for ch in name if ch not in '\\/:*?"<>|').strip() + f".{extension}"


def record(event, item, *, by, rows, kind):
    ExportLog.objects.create(
        user=by,
        row_count=len(rows),
        what=pgettext("export", "%(list)s of %(event)s (%(kind)s)")
        % {"list": item.title, "event": event.display_title, "kind": kind},
    )


def workbook(event, item, *, by):
    rows = item.rows(event)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = str(item.title)[:31]
    sheet.append([str(column) for column in item.columns])
    for row in rows:
        append_as_text(sheet, row)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    record(event, item, by=by, rows=rows, kind="XLSX")
    return buffer.getvalue()
