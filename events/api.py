"""Meetings in the read-only API (/api/v1/events/): published events with their programme and speakers."""

import datetime
from typing import Any

from django.db.models import Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from core.api.pages import NOT_FOUND, PAGE, Cursor
from core.api.schemas import PhotoOut, Picture, absolute, in_reader_language, in_section, photos, picture
from events.models import AgendaItem, Event


class SpeakerOut(Schema):
    id: int
    name: str
    title: str
    organisation: str

    resolve_name = in_reader_language("name")
    resolve_title = in_reader_language("title")
    resolve_organisation = in_reader_language("organisation")


class AgendaItemOut(Schema):
    day: datetime.date
    starts: datetime.time
    ends: datetime.time | None
    title: str
    kind: str
    place: str
    speakers: list[int]

    resolve_title = in_reader_language("title")

    @staticmethod
    def resolve_starts(obj: Any) -> datetime.time:
        return obj.starts_at

    @staticmethod
    def resolve_ends(obj: Any) -> datetime.time | None:
        return obj.ends_at

    @staticmethod
    def resolve_speakers(obj: Any) -> list[int]:
        return [speaker.pk for speaker in obj.speakers.all()]


class EventSummary(Schema):
    id: int
    title: str
    kind: str
    kind_name: str
    series: str | None
    edition: int | None
    status: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    city: str | None
    venue: str
    registration_open: bool
    picture: Picture | None
    url: str
    calendar: str

    @staticmethod
    def resolve_title(obj: Any) -> str:
        return obj.display_title

    @staticmethod
    def resolve_kind_name(obj: Any) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_series(obj: Any) -> str | None:
        return obj.series.slug if obj.series_id else None

    @staticmethod
    def resolve_city(obj: Any) -> str | None:
        return obj.host_city.slug if obj.host_city_id else None

    resolve_venue = in_reader_language("venue")

    @staticmethod
    def resolve_registration_open(obj: Any) -> bool:
        return obj.is_open_for_registration

    @staticmethod
    def resolve_picture(obj: Any, context: Any) -> dict[str, Any] | None:
        return picture(context, obj)

    @staticmethod
    def resolve_url(obj: Any, context: Any) -> str:
        return absolute(context, obj.get_absolute_url())

    @staticmethod
    def resolve_calendar(obj: Any, context: Any) -> str:
        from django.urls import reverse

        return absolute(context, reverse("events:event_calendar", args=[obj.pk]))


class EventDetail(EventSummary):
    description: str
    address: str
    agenda: list[AgendaItemOut]
    speakers: list[SpeakerOut]
    photos: list[PhotoOut]

    resolve_description = in_reader_language("description")

    @staticmethod
    def resolve_agenda(obj: Any) -> list[Any]:
        return list(obj.agenda.all())

    @staticmethod
    def resolve_speakers(obj: Any) -> list[Any]:
        seen: dict[int, Any] = {}
        for item in obj.agenda.all():
            for speaker in item.speakers.all():
                seen.setdefault(speaker.pk, speaker)
        return list(seen.values())

    @staticmethod
    def resolve_photos(obj: Any, context: Any) -> list[dict[str, Any]]:
        return photos(context, obj.photos.all())


events = Router(tags=["events"])


class EventFilters(Schema):
    when: str | None = None  # "upcoming" or "past"
    kind: str | None = None
    branch: str | None = None


def _events():
    return Event.objects.published().select_related("series", "host_city")


@events.get("/", response={200: list[EventSummary]}, summary="Published meetings, the latest first")
@paginate(Cursor, ordering=("-starts_at", "-id"), **PAGE)
def event_list(request: HttpRequest, filters: Query[EventFilters]) -> Any:
    found = _events()
    if filters.when == "upcoming":
        found = found.filter(pk__in=Event.objects.upcoming().values("pk"))
    elif filters.when == "past":
        found = found.filter(pk__in=Event.objects.past().values("pk"))
    if filters.kind:
        found = found.filter(kind=filters.kind)
    return in_section(found, filters.branch)


def _event(event_id: int) -> Event:
    agenda = AgendaItem.objects.prefetch_related("speakers")
    return get_object_or_404(_events().prefetch_related(Prefetch("agenda", queryset=agenda), "photos"), pk=event_id)


@events.get(
    "/{int:event_id}", response={200: EventDetail, **NOT_FOUND}, summary="One meeting with its programme and speakers"
)
def event_detail(request: HttpRequest, event_id: int) -> Any:
    return _event(event_id)


@events.get("/{int:event_id}/agenda", response={200: list[AgendaItemOut], **NOT_FOUND}, summary="A meeting's programme")
def event_agenda(request: HttpRequest, event_id: int) -> Any:
    return list(_event(event_id).agenda.all())


@events.get(
    "/{int:event_id}/speakers",
    response={200: list[SpeakerOut], **NOT_FOUND},
    summary="The speakers of a meeting's programme",
)
def event_speakers(request: HttpRequest, event_id: int) -> Any:
    return EventDetail.resolve_speakers(_event(event_id))
