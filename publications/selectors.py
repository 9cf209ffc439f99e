"""Reads the periodical pages, the API and the subscriptions share."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery

from publications.models import Issue, IssueEntry, Periodical


def periodicals_with_latest() -> list[Any]:
    """Every periodical with `latest` (its newest published issue, or None) and `issue_count`: two queries."""
    mine = Issue.objects.published().filter(periodical=OuterRef("pk")).order_by()
    periodicals: list[Any] = list(
        Periodical.objects.annotate(
            latest_id=Subquery(mine.order_by("-year", "-number").values("pk")[:1]),
            issue_count=Subquery(mine.values("periodical").annotate(n=Count("pk")).values("n")[:1]),
        )
    )
    latest = Issue.objects.in_bulk([p.latest_id for p in periodicals if p.latest_id])
    for periodical in periodicals:
        periodical.latest = latest.get(periodical.latest_id)
        if periodical.latest:
            periodical.latest.periodical = periodical
        periodical.issue_count = periodical.issue_count or 0
    return periodicals


def years_of(periodical: Periodical) -> list[int]:
    return list(
        Issue.objects.published()
        .filter(periodical=periodical)
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )


def table_of_contents() -> Prefetch:
    """The entries of issues with the little of their articles that says whether to link them."""
    return Prefetch(
        "entries",
        queryset=IssueEntry.objects.select_related("article").only(
            *[f.name for f in IssueEntry._meta.concrete_fields],
            "article__id",
            "article__status",
            "article__publish_at",
        ),
    )


def linked_article(entry: IssueEntry) -> Any:
    article = entry.article
    return article if article is not None and article.is_live else None


def issues_of(periodical: Periodical) -> QuerySet[Issue]:
    return Issue.objects.published().filter(periodical=periodical).select_related("periodical")


def published_in(year: int) -> QuerySet[Issue]:
    """The issues published in a year (the annual work report), in order of publication."""
    return (
        Issue.objects.published().filter(published_on__year=year).select_related("periodical").order_by("published_on")
    )
