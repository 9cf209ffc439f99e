"""News in the read-only API (/api/v1/news/): published articles, the category tree and special topics."""

import datetime
from typing import Any

from django.db.models import Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from core.api.pages import NOT_FOUND, PAGE, Cursor
from core.api.schemas import FileLink, PhotoOut, Picture, absolute, in_reader_language, in_section, photos, picture
from core.i18n.translation import columns, lacks_translation
from news.models import Article, ArticleImage, Category, Topic, TopicEntry


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
    resolve_subtitle = in_reader_language("subtitle")
    resolve_summary = in_reader_language("summary")
    resolve_source = in_reader_language("source")
    resolve_author = in_reader_language("author")

    @staticmethod
    def resolve_tags(obj: Any) -> list[str]:
        return [tag.name for tag in obj.tags.all()]

    @staticmethod
    def resolve_published_at(obj: Any) -> datetime.datetime:
        return obj.publish_at

    @staticmethod
    def resolve_cover(obj: Any, context: Any) -> dict[str, Any] | None:
        return picture(context, obj)

    @staticmethod
    def resolve_url(obj: Any, context: Any) -> str:
        return absolute(context, obj.get_absolute_url())

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
        return photos(context, obj.images.all())

    @staticmethod
    def resolve_attachments(obj: Any, context: Any) -> list[dict[str, Any]]:
        return [
            {
                "title": attachment.title,
                "url": absolute(context, attachment.file.url),
                "size": attachment.file_size,
                "type": attachment.extension,
            }
            for attachment in obj.attachments.all()
        ]

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
        return absolute(context, obj.get_absolute_url())


class TopicDetail(TopicSummary):
    articles: list[ArticleSummary]

    @staticmethod
    def resolve_articles(obj: Any) -> list[Any]:
        return obj.listed_articles


news = Router(tags=["news"])


def _articles():
    return Article.objects.published().select_related("category", "category__parent").prefetch_related("tags")


class ArticleFilters(Schema):
    category: str | None = None
    tag: str | None = None
    city: str | None = None
    branch: str | None = None


@news.get("/", response=list[ArticleSummary], summary="Published articles, newest first")
@paginate(Cursor, ordering=("-publish_at", "-id"), **PAGE)
def article_list(request: HttpRequest, filters: Query[ArticleFilters]) -> Any:
    articles = _articles().defer(*columns("body"))
    if filters.category:
        articles = articles.in_category(get_object_or_404(Category, slug=filters.category))
    if filters.tag:
        articles = articles.filter(tags__slug=filters.tag)
    if filters.city:
        articles = articles.filter(related_cities__slug=filters.city)
    return in_section(articles, filters.branch)


@news.get("/categories", response=list[CategoryOut], summary="The category tree, parents first")
def category_list(request: HttpRequest) -> Any:
    return Category.objects.select_related("parent").order_by("parent_id", "order", "id")


@news.get("/topics", response=list[TopicSummary], summary="Special topics (专题)")
def topic_list(request: HttpRequest) -> Any:
    return Topic.objects.published()


@news.get("/topics/{slug}", response={200: TopicDetail, **NOT_FOUND}, summary="A special topic and its articles")
def topic_detail(request: HttpRequest, slug: str) -> Any:
    topic = get_object_or_404(Topic.objects.published(), slug=slug)
    order = list(TopicEntry.objects.filter(topic=topic).values_list("article_id", flat=True))
    found = _articles().defer(*columns("body")).in_bulk(order)
    topic.listed_articles = [found[pk] for pk in order if pk in found]
    return topic


@news.get("/{int:article_id}", response={200: ArticleDetail, **NOT_FOUND}, summary="One published article")
def article_detail(request: HttpRequest, article_id: int) -> Any:
    return get_object_or_404(
        _articles()
        .select_related("related_event")
        .prefetch_related(
            Prefetch("images", queryset=ArticleImage.objects.filter(in_body=False)), "attachments", "related_cities"
        ),
        pk=article_id,
    )
