"""Reads of published news, shared by the news pages and the home page."""

from __future__ import annotations

from django.db.models import F, Window
from django.db.models.functions import RowNumber

from core.translation import columns
from news.models import Article, Category


def headlines(limit: int = 5) -> list[Article]:
    """Pinned articles with a cover image, newest first: the home page carousel."""
    return list(Article.objects.published().for_listing().filter(pinned=True).exclude(cover="")[:limit])


def home_columns(per_column: int = 6) -> list[tuple[Category, list[Article]]]:
    """[(category, [articles])] for categories shown on the home page, in one query for all columns.

    An article counts towards its category's top-level category.
    """
    categories = list(Category.objects.filter(show_on_home=True, parent__isnull=True))
    if not categories:
        return []
    ranked = (
        Article.objects.published()
        .with_root_category()
        .filter(root_category_id__in=[c.pk for c in categories])
        .annotate(rank=Window(RowNumber(), partition_by=F("root_category_id"), order_by=[F("publish_at").desc(), F("id").desc()]))
        .filter(rank__lte=per_column)
        .only("id", "publish_at", "category_id", *columns("title"))
    )
    by_category: dict[int, list[Article]] = {}
    for article in ranked:
        by_category.setdefault(article.root_category_id, []).append(article)
    return [(category, sorted(by_category.get(category.pk, []), key=lambda a: (a.publish_at, a.pk), reverse=True)) for category in categories]


def category_tree() -> list[Category]:
    """Top-level categories with their children attached as `.subcategories` (one query)."""
    categories = list(Category.objects.all())
    for category in categories:
        category.subcategories = [c for c in categories if c.parent_id == category.pk]  # type: ignore[attr-defined]
    return [c for c in categories if c.parent_id is None]
