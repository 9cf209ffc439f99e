"""Periodicals in the read-only API (/api/v1/periodicals/): published issues and their contents."""

import datetime
from typing import Any

from django.db.models import Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from core.api.pages import NOT_FOUND, PAGE, Cursor
from core.api.schemas import FileLink, Picture, absolute, in_reader_language, picture
from publications.models import Issue, IssueEntry, Periodical


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
        return absolute(context, obj.get_absolute_url())


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
        return picture(context, obj)

    @staticmethod
    def resolve_pdf(obj: Any, context: Any) -> dict[str, Any] | None:
        if obj.public_file() is None:
            return None
        return {
            "title": str(obj),
            "url": absolute(context, obj.get_download_url()),
            "size": obj.file_size,
            "type": "PDF",
        }

    @staticmethod
    def resolve_members_only_pdf(obj: Any) -> bool:
        return bool(obj.file) and obj.is_members_only

    @staticmethod
    def resolve_url(obj: Any, context: Any) -> str:
        return absolute(context, obj.get_absolute_url())


class IssueDetail(IssueSummary):
    summary: str
    contents: list[ContentsEntry]

    resolve_summary = in_reader_language("summary")

    @staticmethod
    def resolve_contents(obj: Any) -> list[Any]:
        return list(obj.entries.all())


periodicals = Router(tags=["periodicals"])


@periodicals.get("/", response=list[PeriodicalOut], summary="The association's periodicals")
def periodical_list(request: HttpRequest) -> Any:
    return Periodical.objects.filter(issues__in=Issue.objects.published()).distinct()


@periodicals.get(
    "/{slug}/issues",
    response={200: list[IssueSummary], **NOT_FOUND},
    summary="A periodical's published issues, newest first",
)
@paginate(Cursor, ordering=("-published_on", "-id"), **PAGE)
def issue_list(request: HttpRequest, slug: str) -> Any:
    periodical = get_object_or_404(Periodical, slug=slug)
    return Issue.objects.published().filter(periodical=periodical).select_related("periodical")


@periodicals.get(
    "/{slug}/issues/{int:year}/{int:number}",
    response={200: IssueDetail, **NOT_FOUND},
    summary="One issue with its table of contents",
)
def issue_detail(request: HttpRequest, slug: str, year: int, number: int) -> Any:
    entries = IssueEntry.objects.select_related("article").only(
        *[field.name for field in IssueEntry._meta.concrete_fields],
        "article__id",
        "article__status",
        "article__publish_at",
    )
    return get_object_or_404(
        Issue.objects.published().select_related("periodical").prefetch_related(Prefetch("entries", queryset=entries)),
        periodical__slug=slug,
        year=year,
        number=number,
    )
