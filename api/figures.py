"""The open data API's use per month (the dashboard)."""

from __future__ import annotations

from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from api.models import ApiUsage
from core.backoffice.figures import Figure, Period, Series


def requests_per_month(period: Period) -> Figure:
    found = {
        month.strftime("%Y-%m"): total
        for month, total in ApiUsage.objects.filter(day__year__gte=period.first, day__year__lte=period.last)
        .annotate(month=TruncMonth("day"))
        .values("month")
        .annotate(total=Sum("requests"))
        .values_list("month", "total")
        .order_by()
    }
    return Figure(
        categories=period.months,
        category_label=_("Month"),
        series=[Series(_("API requests"), [found.get(month, 0) for month in period.months])],
        note=_("Requests to /api/v1/, counted as they come and recorded every ten minutes."),
    )
