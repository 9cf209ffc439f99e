"""The public page of the association's figures (协会数据): the charts apps declare public, with their tables."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.backoffice import figures_views


@require_safe
def figures(request):
    charts, invalid = figures_views.shown_charts(request, public=True)
    context = {"charts": charts, **figures_views.period_limits()}
    return render(request, "insight/figures.html", context, status=400 if invalid else 200)
