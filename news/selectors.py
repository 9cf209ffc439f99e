"""Reads of published news, shared by the news pages and the home page."""

from __future__ import annotations

import datetime

from core.i18n.translation import columns
from news.models import Article, Category


def headlines(limit: int = 5) -> list[Article]:
    """Pinned articles with a cover image, newest first: the home page carousel."""
    return list(Article.objects.published().for_listing().filter(pinned=True).exclude(cover="")[:limit])


def home_columns(per_column: int = 6) -> list[tuple[Category, list[Article]]]:
    """[(category, [articles])] for the categories shown on the home page, newest first. An article counts towards
    its top-level category. One query per column, each a LIMIT on the (category, status, publish_at) index, so a
    column costs the same with a hundred articles or a hundred thousand."""
    tree = list(Category.objects.all())
    families = _families(tree)
    return [
        (
            category,
            list(
                Article.objects.published()
                .filter(category_id__in=families[category.pk])
                .order_by("-publish_at", "-id")
                .only("id", "publish_at", "category_id", *columns("title"))[:per_column]
            ),
        )
        for category in tree
        if category.show_on_home and category.parent_id is None
    ]


def _families(categories: list[Category]) -> dict[int, list[int]]:
    """Each category's id with the ids of every category below it."""
    children: dict[int | None, list[int]] = {}
    for category in categories:
        children.setdefault(category.parent_id, []).append(category.pk)
    families = {}
    for category in categories:
        ids, stack = [], [category.pk]
        while stack:
            pk = stack.pop()
            ids.append(pk)
            stack.extend(children.get(pk, []))
        families[category.pk] = ids
    return families


def category_tree() -> list[Category]:
    """Top-level categories with their children attached as `.subcategories` (one query)."""
    categories = list(Category.objects.all())
    for category in categories:
        category.subcategories = [c for c in categories if c.parent_id == category.pk]  # type: ignore[attr-defined]
    return [c for c in categories if c.parent_id is None]


def next_publish_at(now: datetime.datetime) -> datetime.datetime | None:
    """When the next article released for a later time appears by itself (cached pages must not outlive it)."""
    return (
        Article.objects.released()
        .filter(publish_at__gt=now)
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
    )
