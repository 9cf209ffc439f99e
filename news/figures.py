"""The news' figures: articles published and read per month, read by the dashboard and the annual work report."""

from __future__ import annotations

from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.backoffice.figures import Figure, Period, Series
from core.i18n.translation import columns
from news.models import Article, ReadsByMonth


def published_in(first: int, last: int) -> QuerySet[Article]:
    """The articles published (and still public) with a publication time in the years."""
    return Article.objects.published().filter(publish_at__year__gte=first, publish_at__year__lte=last)


def published_and_read(period: Period) -> Figure:
    published = {
        timezone.localtime(month).strftime("%Y-%m") if timezone.is_aware(month) else month.strftime("%Y-%m"): n
        for month, n in published_in(period.first, period.last)
        .annotate(month=TruncMonth("publish_at"))
        .values("month")
        .annotate(n=Count("id"))
        .values_list("month", "n")
        .order_by()
    }
    reads = {
        month.strftime("%Y-%m"): views
        for month, views in ReadsByMonth.objects.filter(
            month__year__gte=period.first, month__year__lte=period.last
        ).values_list("month", "views")
    }
    months = period.months
    return Figure(
        categories=months,
        category_label=_("Month"),
        series=[
            Series(_("Articles published"), [published.get(month, 0) for month in months]),
            Series(_("Reads"), [reads.get(month, 0) for month in months], kind="line"),
        ],
        note=_("Reads are counted when the views are added up, every few minutes."),
    )


def reads_in(year: int) -> int:
    return ReadsByMonth.objects.filter(month__year=year).aggregate(total=Sum("views"))["total"] or 0


def naming(city_id: int, *, limit: int = 10) -> dict[str, object]:
    """The published articles that name a city (related cities), newest first, and how many there are."""
    articles = Article.objects.published().filter(related_cities=city_id)
    return {
        "articles": list(articles.order_by("-publish_at").only("id", "publish_at", *columns("title"))[:limit]),
        "count": articles.count(),
    }


def profile(city: object) -> dict[str, object]:
    return naming(city.pk)  # type: ignore[attr-defined]
