"""What the API returns, shaped from the models: public facts only. No draft, no members-only file, no person but
the speakers a meeting's programme names. Texts are in the reader's language (the Chinese where no translation
was written: `translated` says so); addresses are absolute, for mini-programs and partner sites."""

from __future__ import annotations

import datetime
from typing import Any

from ninja import Schema

from core.translation import lacks_translation, localized


def in_reader_language(field: str) -> Any:
    """A ninja resolver: the object's field in the reader's language (the Chinese where none was written)."""
    return staticmethod(lambda obj: localized(obj, field))


def _absolute(context: Any, url: str) -> str:
    return context["request"].build_absolute_uri(url)


def _picture(context: Any, obj: Any) -> dict[str, Any] | None:
    data = obj.picture
    if not data:
        return None
    return {"url": _absolute(context, data["src"]), "thumbnail": _absolute(context, data["thumbnail"]),
            "width": data["width"], "height": data["height"]}


def _photos(context: Any, photos: Any) -> list[dict[str, Any]]:
    return [{"image": image, "alt": photo.alt_text, "caption": photo.caption}
            for photo in photos if (image := _picture(context, photo))]


class Picture(Schema):
    url: str
    thumbnail: str
    width: int
    height: int


class PhotoOut(Schema):
    image: Picture
    alt: str
    caption: str


class FileLink(Schema):
    title: str
    url: str
    size: int
    type: str


class Problem(Schema):
    detail: str


class CategoryOut(Schema):
    slug: str
    name: str
    parent: str | None

    resolve_name = in_reader_language("name")

    @staticmethod
    def resolve_parent(obj: Any) -> str | None:
        return obj.parent.slug if obj.parent_id else None


class ArticleSummary(Schema):
    id: int
    title: str
    subtitle: str
    summary: str
    category: CategoryOut
    tags: list[str]
    published_at: datetime.datetime
    source: str
    author: str
    cover: Picture | None
    url: str
    translated: bool

    resolve_title = in_reader_language("title")
    resolve_summary = in_reader_language("summary")

    @staticmethod
    def resolve_tags(obj: Any) -> list[str]:
        return [tag.name for tag in obj.tags.all()]

    @staticmethod
    def resolve_published_at(obj: Any) -> datetime.datetime:
        return obj.publish_at

    @staticmethod
    def resolve_cover(obj: Any, context: Any) -> dict[str, Any] | None:
        return _picture(context, obj)

    @staticmethod
    def resolve_url(obj: Any, context: Any) -> str:
        return _absolute(context, obj.get_absolute_url())

    @staticmethod
    def resolve_translated(obj: Any) -> bool:
        return not (lacks_translation(obj, "title") or lacks_translation(obj, "summary"))


class ArticleDetail(ArticleSummary):
    body: str
    editor: str
    photos: list[PhotoOut]
    attachments: list[FileLink]
    cities: list[str]
    event: int | None

    resolve_body = in_reader_language("body")

    @staticmethod
    def resolve_photos(obj: Any, context: Any) -> list[dict[str, Any]]:
        return _photos(context, obj.images.all())

    @staticmethod
    def resolve_attachments(obj: Any, context: Any) -> list[dict[str, Any]]:
        return [{"title": attachment.title, "url": _absolute(context, attachment.file.url), "size": attachment.file_size,
                 "type": attachment.extension} for attachment in obj.attachments.all()]

    @staticmethod
    def resolve_cities(obj: Any) -> list[str]:
        return [city.slug for city in obj.related_cities.all()]

    @staticmethod
    def resolve_event(obj: Any) -> int | None:
        return obj.related_event_id if obj.related_event_id and obj.related_event.status != "draft" else None


class TopicSummary(Schema):
    slug: str
    title: str
    summary: str
    url: str

    @staticmethod
    def resolve_url(obj: Any, context: Any) -> str:
        return _absolute(context, obj.get_absolute_url())


class TopicDetail(TopicSummary):
    articles: list[ArticleSummary]

    @staticmethod
    def resolve_articles(obj: Any) -> list[Any]:
        return obj.listed_articles


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
        return _picture(context, obj)

    @staticmethod
    def resolve_url(obj: Any, context: Any) -> str:
        return _absolute(context, obj.get_absolute_url())

    @staticmethod
    def resolve_calendar(obj: Any, context: Any) -> str:
        from django.urls import reverse

        return _absolute(context, reverse("events:event_calendar", args=[obj.pk]))


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
        return _photos(context, obj.photos.all())


class CityOut(Schema):
    slug: str
    name: str
    name_en: str
    level: str
    level_name: str
    region: str
    joined_on: datetime.date | None
    population: int | None
    area: int | None
    latitude: float | None
    longitude: float | None
    website: str
    url: str

    @staticmethod
    def resolve_level_name(obj: Any) -> str:
        return str(obj.get_level_display())

    @staticmethod
    def resolve_region(obj: Any) -> str:
        return localized(obj.region, "name")

    @staticmethod
    def resolve_url(obj: Any, context: Any) -> str:
        return _absolute(context, obj.get_absolute_url())


class CityDetail(CityOut):
    introduction: str

    resolve_introduction = in_reader_language("introduction")


class DocumentOut(Schema):
    id: int
    title: str
    kind: str
    kind_name: str
    issued_on: datetime.date
    description: str
    file: FileLink

    resolve_title = in_reader_language("title")

    @staticmethod
    def resolve_kind_name(obj: Any) -> str:
        return str(obj.get_kind_display())

    resolve_description = in_reader_language("description")

    @staticmethod
    def resolve_file(obj: Any, context: Any) -> dict[str, Any]:
        return {"title": localized(obj, "title"), "url": _absolute(context, obj.get_download_url()),
                "size": obj.file_size, "type": obj.extension}


class PeriodicalOut(Schema):
    slug: str
    name: str
    description: str
    frequency: str
    url: str

    resolve_name = in_reader_language("name")
    resolve_description = in_reader_language("description")

    @staticmethod
    def resolve_url(obj: Any, context: Any) -> str:
        return _absolute(context, obj.get_absolute_url())


class ContentsEntry(Schema):
    section: str
    title: str
    author: str
    page: int | None
    article: int | None

    resolve_section = in_reader_language("section")
    resolve_title = in_reader_language("title")

    @staticmethod
    def resolve_article(obj: Any) -> int | None:
        return obj.article_id if obj.article_id and obj.article.is_live else None


class IssueSummary(Schema):
    periodical: str
    year: int
    number: int
    label: str
    total_number: int | None
    title: str
    published_on: datetime.date
    cover: Picture | None
    pdf: FileLink | None
    members_only_pdf: bool
    url: str

    @staticmethod
    def resolve_periodical(obj: Any) -> str:
        return obj.periodical.slug

    @staticmethod
    def resolve_label(obj: Any) -> str:
        return str(obj.label)

    resolve_title = in_reader_language("title")

    @staticmethod
    def resolve_cover(obj: Any, context: Any) -> dict[str, Any] | None:
        return _picture(context, obj)

    @staticmethod
    def resolve_pdf(obj: Any, context: Any) -> dict[str, Any] | None:
        if not obj.file or obj.is_members_only:
            return None
        return {"title": str(obj), "url": _absolute(context, obj.get_download_url()), "size": obj.file_size,
                "type": "PDF"}

    @staticmethod
    def resolve_members_only_pdf(obj: Any) -> bool:
        return bool(obj.file) and obj.is_members_only

    @staticmethod
    def resolve_url(obj: Any, context: Any) -> str:
        return _absolute(context, obj.get_absolute_url())


class IssueDetail(IssueSummary):
    summary: str
    contents: list[ContentsEntry]

    resolve_summary = in_reader_language("summary")

    @staticmethod
    def resolve_contents(obj: Any) -> list[Any]:
        return list(obj.entries.all())
