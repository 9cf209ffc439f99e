"""The endpoints of /api/v1/: what may be read, and how much of it per page."""


from typing import Any

from django.db.models import Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import CursorPagination, paginate

from api import schemas
from association.models import Document
from events.models import AgendaItem, Event
from members.models import MemberCity
from news.models import Article, ArticleImage, Category, Topic, TopicEntry
from publications.models import Issue, IssueEntry, Periodical

PAGE = {"page_size": 20, "max_page_size": 100}


class Cursor(CursorPagination):
    """Ninja's cursor pages, with a page size that must be 1 to 100 (not quietly replaced)."""

    class Input(Schema):
        page_size: int | None = Field(None, ge=1, le=100)
        cursor: str | None = None
NOT_FOUND = {404: schemas.Problem}

news = Router(tags=["news"])
events = Router(tags=["events"])
cities = Router(tags=["member cities"])
documents = Router(tags=["documents"])
periodicals = Router(tags=["periodicals"])


def _articles():
    return (Article.objects.published().select_related("category", "category__parent")
            .prefetch_related("tags"))


class ArticleFilters(Schema):
    category: str | None = None
    tag: str | None = None
    city: str | None = None


@news.get("/", response=list[schemas.ArticleSummary], summary="Published articles, newest first")
@paginate(Cursor, ordering=("-publish_at", "-id"), **PAGE)
def article_list(request: HttpRequest, filters: Query[ArticleFilters]) -> Any:
    articles = _articles().defer("body", "body_en")
    if filters.category:
        articles = articles.in_category(get_object_or_404(Category, slug=filters.category))
    if filters.tag:
        articles = articles.filter(tags__slug=filters.tag)
    if filters.city:
        articles = articles.filter(related_cities__slug=filters.city)
    return articles


@news.get("/categories", response=list[schemas.CategoryOut], summary="The category tree, parents first")
def category_list(request: HttpRequest) -> Any:
    return Category.objects.select_related("parent").order_by("parent_id", "order", "id")


@news.get("/topics", response=list[schemas.TopicSummary], summary="Special topics (专题)")
def topic_list(request: HttpRequest) -> Any:
    return Topic.objects.published()


@news.get("/topics/{slug}", response={200: schemas.TopicDetail, **NOT_FOUND}, summary="A special topic and its articles")
def topic_detail(request: HttpRequest, slug: str) -> Any:
    topic = get_object_or_404(Topic.objects.published(), slug=slug)
    order = list(TopicEntry.objects.filter(topic=topic).values_list("article_id", flat=True))
    found = _articles().defer("body", "body_en").in_bulk(order)
    topic.listed_articles = [found[pk] for pk in order if pk in found]
    return topic


@news.get("/{int:article_id}", response={200: schemas.ArticleDetail, **NOT_FOUND}, summary="One published article")
def article_detail(request: HttpRequest, article_id: int) -> Any:
    return get_object_or_404(
        _articles().select_related("related_event").prefetch_related(
            Prefetch("images", queryset=ArticleImage.objects.filter(in_body=False)), "attachments", "related_cities"),
        pk=article_id,
    )


class EventFilters(Schema):
    when: str | None = None  # "upcoming" or "past"
    kind: str | None = None


def _events():
    return Event.objects.published().select_related("series", "host_city")


@events.get("/", response={200: list[schemas.EventSummary]}, summary="Published meetings, the latest first")
@paginate(Cursor, ordering=("-starts_at", "-id"), **PAGE)
def event_list(request: HttpRequest, filters: Query[EventFilters]) -> Any:
    found = _events()
    if filters.when == "upcoming":
        found = found.filter(pk__in=Event.objects.upcoming().values("pk"))
    elif filters.when == "past":
        found = found.filter(pk__in=Event.objects.past().values("pk"))
    if filters.kind:
        found = found.filter(kind=filters.kind)
    return found


def _event(event_id: int) -> Event:
    agenda = AgendaItem.objects.prefetch_related("speakers")
    return get_object_or_404(_events().prefetch_related(Prefetch("agenda", queryset=agenda), "photos"), pk=event_id)


@events.get("/{int:event_id}", response={200: schemas.EventDetail, **NOT_FOUND},
            summary="One meeting with its programme and speakers")
def event_detail(request: HttpRequest, event_id: int) -> Any:
    return _event(event_id)


@events.get("/{int:event_id}/agenda", response={200: list[schemas.AgendaItemOut], **NOT_FOUND},
            summary="A meeting's programme")
def event_agenda(request: HttpRequest, event_id: int) -> Any:
    return list(_event(event_id).agenda.all())


@events.get("/{int:event_id}/speakers", response={200: list[schemas.SpeakerOut], **NOT_FOUND},
            summary="The speakers of a meeting's programme")
def event_speakers(request: HttpRequest, event_id: int) -> Any:
    return schemas.EventDetail.resolve_speakers(_event(event_id))


@cities.get("/", response=list[schemas.CityOut], summary="Member cities")
@paginate(Cursor, ordering=("slug",), **PAGE)
def city_list(request: HttpRequest) -> Any:
    return MemberCity.objects.members().select_related("region")


@cities.get("/{slug}", response={200: schemas.CityDetail, **NOT_FOUND}, summary="One member city")
def city_detail(request: HttpRequest, slug: str) -> Any:
    return get_object_or_404(MemberCity.objects.members().select_related("region"), slug=slug)


@documents.get("/", response=list[schemas.DocumentOut], summary="Public documents: charter, regulations, reports")
@paginate(Cursor, ordering=("-issued_on", "-id"), **PAGE)
def document_list(request: HttpRequest) -> Any:
    return Document.objects.public()


@periodicals.get("/", response=list[schemas.PeriodicalOut], summary="The association's periodicals")
def periodical_list(request: HttpRequest) -> Any:
    return Periodical.objects.filter(issues__in=Issue.objects.published()).distinct()


@periodicals.get("/{slug}/issues", response={200: list[schemas.IssueSummary], **NOT_FOUND},
                 summary="A periodical's published issues, newest first")
@paginate(Cursor, ordering=("-published_on", "-id"), **PAGE)
def issue_list(request: HttpRequest, slug: str) -> Any:
    periodical = get_object_or_404(Periodical, slug=slug)
    return Issue.objects.published().filter(periodical=periodical).select_related("periodical")


@periodicals.get("/{slug}/issues/{int:year}/{int:number}", response={200: schemas.IssueDetail, **NOT_FOUND},
                 summary="One issue with its table of contents")
def issue_detail(request: HttpRequest, slug: str, year: int, number: int) -> Any:
    entries = IssueEntry.objects.select_related("article").only(
        *[field.name for field in IssueEntry._meta.concrete_fields], "article__id", "article__status",
        "article__publish_at")
    return get_object_or_404(
        Issue.objects.published().select_related("periodical").prefetch_related(Prefetch("entries", queryset=entries)),
        periodical__slug=slug, year=year, number=number,
    )
