"""What is new in a digest's window, read once per run and then picked per subscriber without more queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from core.i18n.translation import columns
from events.models import Event
from news.models import Article, Category


@dataclass
class NewContent:
    articles: list[Any] = field(default_factory=list)
    events: list[Any] = field(default_factory=list)
    family: dict[int, set[int]] = field(default_factory=dict)  # category -> itself and those below it

    @classmethod
    def between(cls, start: datetime.datetime, end: datetime.datetime) -> NewContent:
        articles = list(
            Article.objects.published()
            .filter(publish_at__gt=start, publish_at__lte=end)
            .select_related("category")
            .defer(*columns("body"))
            .order_by("-publish_at")
        )
        events = list(
            Event.objects.published()
            .filter(published_at__gt=start, published_at__lte=end)
            .select_related("series", "host_city")
            .order_by("starts_at")
        )
        parents: dict[int, int | None] = dict(Category.objects.values_list("pk", "parent_id"))
        family: dict[int, set[int]] = {pk: {pk} for pk in parents}
        for pk in parents:
            ancestor: int | None = parents[pk]
            while ancestor is not None:
                family[ancestor].add(pk)
                ancestor = parents.get(ancestor)
        return cls(articles, events, family)

    def is_empty(self) -> bool:
        return not self.articles and not self.events

    def for_subscriber(self, subscriber: Any) -> list[tuple[Any, list[Any]]]:
        """(category, its new articles) for each followed category with news, then ("events", new meetings)."""
        sections: list[tuple[Any, list[Any]]] = []
        for category in subscriber.categories.all():
            ids = self.family.get(category.pk, {category.pk})
            found = [article for article in self.articles if article.category_id in ids]
            if found:
                sections.append((category, found))
        if subscriber.events and self.events:
            sections.append(("events", self.events))
        return sections
