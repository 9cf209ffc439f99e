from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.pagination import CursorPagination, paginate

from api import schemas
from api.shaping import absolute, file_link, photo, picture, text, translated
from news.models import Article, Category, Topic

router = Router(tags=["news"])


class ArticleFilters(Schema):
    category: str | None = None
    tag: str | None = None
    city: str | None = None


def category(obj: Category) -> dict[str, Any]:
    return {"slug": obj.slug, "name": text(obj, "name"), "parent": obj.parent.slug if obj.parent_id else None}


def article_summary(request: HttpRequest, article: Article) -> dict[str, Any]:
    return {
        "id": article.pk, "title": text(article, "title"), "subtitle": article.subtitle,
        "summary": text(article, "summary"), "category": category(article.category),
        "tags": [tag.name for tag in article.tags.all()], "published_at": article.publish_at,
        "source": article.source, "author": article.author, "cover": picture(request, article),
        "url": absolute(request, article.get_absolute_url()), "translated": translated(article, "title", "summary"),
    }


def _listing():
    return (Article.objects.published().select_related("category", "category__parent")
            .prefetch_related("tags").defer("body", "body_en", "review_comment"))


@router.get("/", response=list[schemas.ArticleSummary], summary="Published articles, newest first")
@paginate(CursorPagination, ordering=("-publish_at", "-id"), page_size=20, max_page_size=100)
def article_list(request: HttpRequest, filters: Query[ArticleFilters]):
    articles = _listing()
    if filters.category:
        found = get_object_or_404(Category, slug=filters.category)
        articles = articles.in_category(found)
    if filters.tag:
        articles = articles.filter(tags__slug=filters.tag)
    if filters.city:
        articles = articles.filter(related_cities__slug=filters.city)
    return [article_summary(request, article) for article in articles] if False else _Shaped(request, articles)


class _Shaped:
    """A queryset the paginator slices, shaped into dictionaries only for the page it takes."""

    def __init__(self, request: HttpRequest, queryset: Any) -> None:
        self.request, self.queryset = request, queryset

    def order_by(self, *fields: str) -> _Shaped:
        return _Shaped(self.request, self.queryset.order_by(*fields))

    def filter(self, **conditions: Any) -> _Shaped:
        return _Shaped(self.request, self.queryset.filter(**conditions))

    def __getitem__(self, window: slice) -> list[dict[str, Any]]:
        return [article_summary(self.request, article) for article in self.queryset[window]]
