"""Subscribers over time (the dashboard): confirmed subscriptions each month, and those receiving at its end."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce, TruncMonth
from django.utils.translation import gettext_lazy as _

from core.backoffice.figures import Figure, Period, Series
from subscriptions.models import Subscriber


def _per_month(moment: Any, period: Period) -> Counter[str]:
    """How many confirmed subscribers have `moment` (an expression) in each month of the period."""
    rows = (
        Subscriber.objects.filter(confirmed_at__isnull=False)
        .annotate(month=TruncMonth(moment))
        .filter(month__year__gte=period.first, month__year__lte=period.last)
        .values("month")
        .annotate(n=Count("id"))
        .values_list("month", "n")
        .order_by()
    )
    return Counter({month.strftime("%Y-%m"): n for month, n in rows})


def subscribers_over_time(period: Period) -> Figure:
    ended = Q(unsubscribed_at__lt=period.start()) | Q(bounced_at__lt=period.start())
    receiving = Subscriber.objects.filter(confirmed_at__lt=period.start()).exclude(ended).count()
    confirmed = _per_month(F("confirmed_at"), period)
    left = _per_month(Coalesce("unsubscribed_at", "bounced_at"), period)
    at_end = []
    for month in period.months:
        receiving += confirmed[month] - left[month]
        at_end.append(receiving)
    return Figure(
        categories=period.months,
        category_label=_("Month"),
        series=[
            Series(_("New subscribers (confirmed)"), [confirmed[month] for month in period.months]),
            Series(_("Unsubscribed or refused"), [left[month] for month in period.months]),
            Series(_("Receiving at the month's end"), at_end, kind="line"),
        ],
    )
