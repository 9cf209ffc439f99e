"""Questionnaire response rates (the dashboard, the city profile and the annual work report)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.backoffice.figures import Figure, Period, Series, rate
from members.models import MemberCity
from surveys.models import Questionnaire, Response


@dataclass(frozen=True)
class ResponseFigures:
    questionnaire: Questionnaire
    asked: int  # active member cities it is put to
    submitted: int


def response_rates_closing(period: Period) -> list[ResponseFigures]:
    """The questionnaires to cities whose deadline falls in the period, each with the cities asked (the audience
    of surveys.services.audience, worked out here for all of them at once) and those that submitted: six queries
    whatever the number of questionnaires or cities."""
    questionnaires = list(
        Questionnaire.objects.published()
        .filter(anonymous=False, deadline__gte=period.start(), deadline__lt=period.end())
        .prefetch_related("regions", "cities")
        .order_by("deadline", "id")
    )
    cities = dict(MemberCity.objects.filter(status=MemberCity.Status.ACTIVE).values_list("id", "region_id"))
    branch_cities: dict[int, set[int]] = {}
    for branch_id, city_id in MemberCity.branches.through.objects.values_list("branch_id", "membercity_id"):
        branch_cities.setdefault(branch_id, set()).add(city_id)
    submitted: dict[int, set[int]] = {}
    for questionnaire_id, city_id in Response.objects.filter(
        questionnaire__in=questionnaires, state=Response.State.SUBMITTED, city__isnull=False
    ).values_list("questionnaire_id", "city_id"):
        submitted.setdefault(questionnaire_id, set()).add(city_id)
    found = []
    for questionnaire in questionnaires:
        if questionnaire.all_cities:
            chosen = set(cities)
        else:
            regions = {region.pk for region in questionnaire.regions.all()}
            chosen = {city.pk for city in questionnaire.cities.all()}
            chosen |= {pk for pk, region in cities.items() if region in regions}
            chosen |= branch_cities.get(questionnaire.branch_id, set()) if questionnaire.branch_id else set()
            chosen &= cities.keys()
        if chosen:
            answered = submitted.get(questionnaire.pk, set()) & chosen
            found.append(ResponseFigures(questionnaire, len(chosen), len(answered)))
    return found


def response_rates(period: Period) -> Figure:
    rows = response_rates_closing(period)
    return Figure(
        categories=[f"{timezone.localtime(row.questionnaire.deadline):%Y-%m-%d} {row.questionnaire}" for row in rows],
        category_label=_("Questionnaire (deadline)"),
        series=[
            Series(_("Cities asked"), [row.asked for row in rows]),
            Series(_("Submitted"), [row.submitted for row in rows]),
            Series(_("Response rate"), [rate(row.submitted, row.asked) for row in rows], kind="line", percent=True),
        ],
    )


def city_record(city: MemberCity) -> dict[str, Any]:
    """The questionnaires put to the city and what it did with each (newest first)."""
    from surveys.selectors import put_to

    asked = list(put_to(city).order_by("-deadline")[:20])
    states = dict(Response.objects.filter(city=city, questionnaire__in=asked).values_list("questionnaire_id", "state"))
    rows = [(questionnaire, states.get(questionnaire.pk)) for questionnaire in asked]
    answered = Counter(state == Response.State.SUBMITTED for _questionnaire, state in rows)
    return {"questionnaires": rows, "submitted": answered[True], "asked": len(rows)}
