"""The staff dashboard of charts (/admin/dashboard/) and the JSON each chart is drawn from, for staff only: the
admin site wraps both in its own sign-in and second-step check."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from core import registry
from core.backoffice import figures


def period_for(request: HttpRequest, chart: registry.Chart, prefix: str = "") -> figures.Period:
    default = figures.Period.last_years(chart.default_years)
    return figures.Period.parse(request.GET.get(f"{prefix}from"), request.GET.get(f"{prefix}to"), default)


def chart_json(request: HttpRequest, key: str) -> HttpResponse:
    chart = figures.chart(key)
    if chart is None:
        return JsonResponse({"detail": _("There is no such chart.")}, status=404)
    if chart.permission and not request.user.has_perm(chart.permission):
        return JsonResponse({"detail": _("You may not see these figures.")}, status=403)
    try:
        period = period_for(request, chart)
    except figures.PeriodError as error:
        return JsonResponse({"detail": str(error)}, status=400)
    data = figures.computed(chart, period).as_json()
    response = JsonResponse({"key": chart.key, "title": str(chart.label), "period": str(period), **data})
    response["Cache-Control"] = "private, no-store"
    return response


def shown_charts(request: HttpRequest, *, public: bool, json_url: Any = None) -> tuple[list[dict[str, Any]], bool]:
    """Each chart (the public ones, or those the staff member may see) with its period (from `?<key>-from=` and
    `-to=`), its figure and any mistake in the period."""
    shown, invalid = [], False
    for chart in figures.charts(public=public, user=None if public else request.user):
        prefix = f"{chart.key}-"
        error = ""
        try:
            period = period_for(request, chart, prefix)
        except figures.PeriodError as mistake:
            error, invalid = str(mistake), True
            period = figures.Period.last_years(chart.default_years)
        figure = figures.computed(chart, period)
        shown.append(
            {
                "chart": chart,
                "period": period,
                "figure": figure,
                "error": error,
                "prefix": prefix,
                "json": figure.as_json(),
                "json_url": json_url(chart, period) if json_url else "",
            }
        )
    return shown, invalid


def staff_json_url(chart: registry.Chart, period: figures.Period) -> str:
    return f"{reverse('admin:figures_chart', args=[chart.key])}?from={period.first}&to={period.last}"


def period_limits() -> dict[str, int]:
    return {"earliest_year": figures.EARLIEST_YEAR, "latest_year": figures.Period.last_years(1).last + 1}


def dashboard(request: HttpRequest, admin_site: Any) -> HttpResponse:
    shown, invalid = shown_charts(request, public=False, json_url=staff_json_url)
    context = {
        **admin_site.each_context(request),
        "title": _("The association's figures"),
        "charts": shown,
        **period_limits(),
    }
    return TemplateResponse(request, "admin/figures/dashboard.html", context, status=400 if invalid else 200)
