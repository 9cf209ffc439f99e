"""The meetings' figures: the one answer to "how many meetings, cities and delegates" and "how many cities replied
to the notices", read by the dashboard, the public figures page, the city profile and the annual work report."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Sum, Window
from django.db.models.functions import Coalesce, ExtractYear, RowNumber
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.backoffice.figures import Figure, Period, Series, rate
from events.models import Delegation, Event, NoticeRecipient

if TYPE_CHECKING:
    from members.models import MemberCity

CONFIRMED = Q(delegations__state=Delegation.State.CONFIRMED)


def held(first: datetime.datetime, end: datetime.datetime) -> QuerySet[Event]:
    """Meetings held from `first` until before `end`: published (not cancelled, not drafts) and begun by now."""
    return Event.objects.filter(
        status=Event.Status.PUBLISHED, starts_at__gte=first, starts_at__lt=min(end, timezone.now())
    )


@dataclass(frozen=True)
class MeetingFigures:
    event: Event
    cities: int  # member cities with a confirmed delegation
    delegates: int  # delegates in the confirmed delegations, guests' included


def meetings_held(first: datetime.datetime, end: datetime.datetime) -> list[MeetingFigures]:
    """Each meeting held in the time, in order, with its cities and delegates (one query)."""
    events = (
        held(first, end)
        .select_related("host_city", "series")
        .annotate(
            confirmed_cities=Count("delegations__city", filter=CONFIRMED, distinct=True),
            confirmed_delegates=Sum("delegations__delegate_count", filter=CONFIRMED),
        )
        .order_by("starts_at", "id")
    )
    return [MeetingFigures(e, e.confirmed_cities, e.confirmed_delegates or 0) for e in events]


def meetings_per_year(period: Period) -> Figure:
    """Meetings held, member cities attending (each once a year) and delegates, per year: two queries."""
    per_year = {
        row["year"]: row
        for row in held(period.start(), period.end())
        .annotate(year=ExtractYear("starts_at"))
        .values("year")
        .annotate(meetings=Count("id", distinct=True), delegates=Sum("delegations__delegate_count", filter=CONFIRMED))
        .order_by()
    }
    meetings = Counter({year: row["meetings"] for year, row in per_year.items()})
    delegates = Counter({year: row["delegates"] or 0 for year, row in per_year.items()})
    cities = Counter(
        dict(
            attendances()
            .filter(event__starts_at__gte=period.start(), event__starts_at__lt=period.end())
            .annotate(year=ExtractYear("event__starts_at"))
            .values("year")
            .annotate(n=Count("city_id", distinct=True))
            .values_list("year", "n")
            .order_by()
        )
    )
    return Figure(
        categories=[str(year) for year in period.years],
        category_label=_("Year"),
        series=[
            Series(_("Meetings held"), [meetings[year] for year in period.years]),
            Series(_("Member cities attending (each once)"), [cities[year] for year in period.years]),
            Series(_("Delegates"), [delegates[year] for year in period.years], kind="line"),
        ],
        note=_("Published meetings begun in the year; confirmed delegations."),
    )


def per_meeting(period: Period) -> Figure:
    rows = meetings_held(period.start(), period.end())
    return Figure(
        categories=[f"{timezone.localtime(row.event.starts_at):%Y-%m-%d} {row.event}" for row in rows],
        category_label=_("Meeting"),
        series=[
            Series(_("Member cities"), [row.cities for row in rows]),
            Series(_("Delegates"), [row.delegates for row in rows]),
        ],
    )


@dataclass(frozen=True)
class ReplyFigures:
    sent: int
    read: int
    replied: int


def notice_replies(first: datetime.datetime, end: datetime.datetime) -> dict[int, ReplyFigures]:
    """Per year the notice was sent: the cities it went to, those that read it and those that replied (one query,
    counting each year's range apart: no date arithmetic on every row)."""
    years = range(timezone.localtime(first).year, timezone.localtime(end - datetime.timedelta(seconds=1)).year + 1)
    counts = {}
    for year in years:
        span = Q(sent_at__gte=max(first, Period(year, year).start()), sent_at__lt=min(end, Period(year, year).end()))
        counts[f"sent_{year}"] = Count("id", filter=span)
        counts[f"read_{year}"] = Count("id", filter=span & Q(read_at__isnull=False))
        counts[f"replied_{year}"] = Count("id", filter=span & ~Q(reply=""))
    found = NoticeRecipient.objects.filter(sent_at__gte=first, sent_at__lt=end).aggregate(**counts)
    return {
        year: ReplyFigures(found[f"sent_{year}"], found[f"read_{year}"], found[f"replied_{year}"])
        for year in years
        if found[f"sent_{year}"]
    }


def notice_reply_rates(period: Period) -> Figure:
    by_year = notice_replies(period.start(), period.end())
    empty = ReplyFigures(0, 0, 0)
    rows = [by_year.get(year, empty) for year in period.years]
    return Figure(
        categories=[str(year) for year in period.years],
        category_label=_("Year"),
        series=[
            Series(_("Notices sent to cities"), [row.sent for row in rows]),
            Series(_("Replied"), [row.replied for row in rows]),
            Series(_("Reply rate"), [rate(row.replied, row.sent) for row in rows], kind="line", percent=True),
        ],
    )


# A city's engagement: its profile, and the "no meeting in two years" list.


def attended(city: MemberCity) -> list[dict[str, Any]]:
    """The meetings held that a city attended (a confirmed delegation) or hosted, newest first, each with the
    city's delegates (two queries)."""
    rows: dict[int, dict[str, Any]] = {}
    for delegation in attendances().filter(city=city).select_related("event", "event__series"):
        rows[delegation.event_id] = {"event": delegation.event, "delegates": delegation.delegate_count, "hosted": False}
    hosted = Event.objects.filter(status=Event.Status.PUBLISHED, host_city=city, starts_at__lt=timezone.now())
    for event in hosted.select_related("series"):
        rows.setdefault(event.pk, {"event": event, "delegates": 0, "hosted": False})["hosted"] = True
    return sorted(rows.values(), key=lambda row: row["event"].starts_at, reverse=True)


def missed(city: MemberCity, *, since: datetime.datetime) -> QuerySet[Event]:
    """Meetings since then the city was sent a notice for and did not attend."""
    return (
        Event.objects.filter(notices__recipients__city=city, status=Event.Status.PUBLISHED, starts_at__gte=since)
        .filter(starts_at__lt=timezone.now())
        .exclude(pk__in=attendances().filter(city=city).values("event_id"))
        .distinct()
        .order_by("-starts_at")
    )


def attendances() -> QuerySet[Delegation]:
    """Confirmed delegations of member cities to meetings held: what "attended" means everywhere."""
    return Delegation.objects.confirmed().filter(
        city__isnull=False, event__status=Event.Status.PUBLISHED, event__starts_at__lt=timezone.now()
    )


def with_engagement(cities: QuerySet[MemberCity]) -> QuerySet[MemberCity]:
    """Each city with `last_meeting` (when it last attended one, or None), `notices_sent` and `notices_replied`,
    in the same query as the cities."""
    last = attendances().filter(city=OuterRef("pk")).order_by("-event__starts_at").values("event__starts_at")[:1]
    sent = NoticeRecipient.objects.filter(city=OuterRef("pk")).order_by().values("city")
    return cities.annotate(
        last_meeting=Subquery(last),
        notices_sent=Coalesce(Subquery(sent.annotate(n=Count("id")).values("n")), 0),
        notices_replied=Coalesce(Subquery(sent.exclude(reply="").annotate(n=Count("id")).values("n")), 0),
    )


def without_meeting(cities: QuerySet[MemberCity], *, years: int = 2) -> QuerySet[MemberCity]:
    """The cities that have attended no meeting in the last `years` years."""
    since = timezone.now() - datetime.timedelta(days=365 * years)
    recent = attendances().filter(event__starts_at__gte=since)
    return cities.exclude(pk__in=recent.values("city_id"))


def silent_on_last_notices(cities: QuerySet[MemberCity], *, notices: int = 3) -> QuerySet[MemberCity]:
    """The cities that replied to none of the last `notices` notices sent to them (and were sent at least one)."""
    latest = (
        NoticeRecipient.objects.filter(city__in=cities)
        .annotate(rank=Window(RowNumber(), partition_by=F("city_id"), order_by=(F("sent_at").desc(), F("id").desc())))
        .filter(rank__lte=notices)
    )
    replied: dict[int, bool] = {}
    for city_id, reply in latest.values_list("city_id", "reply"):
        replied[city_id] = replied.get(city_id, False) or bool(reply)
    return cities.filter(pk__in=[city_id for city_id, any_reply in replied.items() if not any_reply])


def notice_record(city: MemberCity, *, limit: int = 10) -> dict[str, Any]:
    sent = NoticeRecipient.objects.filter(city=city)
    totals = sent.aggregate(sent=Count("id"), replied=Count("id", filter=~Q(reply="")))
    return {
        "sent": totals["sent"],
        "replied": totals["replied"],
        "rate": rate(totals["replied"], totals["sent"]),
        "latest": list(sent.select_related("notice", "notice__event").order_by("-sent_at")[:limit]),
    }


def profile(city: MemberCity) -> dict[str, Any]:
    since = timezone.now() - datetime.timedelta(days=365 * 2)
    return {
        "attended": attended(city),
        "missed": list(missed(city, since=since)[:20]),
        "notices": notice_record(city),
    }


def public_record(city: MemberCity) -> dict[str, Any]:
    """The city's public page: the meetings held that it hosted or attended, by year, newest first."""
    by_year: dict[int, list[dict[str, Any]]] = {}
    for row in attended(city):
        by_year.setdefault(timezone.localtime(row["event"].starts_at).year, []).append(row)
    return {"years": sorted(by_year.items(), reverse=True)}
