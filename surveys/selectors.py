"""Reads of the questionnaires that pages share."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from members.models import MemberCity
from surveys.models import Questionnaire, Response


def put_to(city: MemberCity) -> QuerySet[Questionnaire]:
    """The sent questionnaires a city is asked to answer (its officers' desk): to all cities, to its region, to a
    branch it belongs to, or to it by name. The same audience as services.audience(), asked the other way."""
    if city.status != MemberCity.Status.ACTIVE:
        return Questionnaire.objects.none()
    chosen = Q(all_cities=True) | Q(cities=city) | Q(regions=city.region_id) | Q(branch__member_cities=city)
    return Questionnaire.objects.published().filter(chosen, anonymous=False).distinct()


def desk_for(officer: Any) -> dict[str, Any]:
    """The officer's city's questionnaires still open, and those closed in the past year, each with the city's state
    (not opened, draft, submitted): two queries, however many."""
    now = timezone.now()
    found = list(
        put_to(officer.city)
        .filter(opens_at__lte=now, deadline__gt=now - datetime.timedelta(days=365))
        .order_by("deadline")
    )
    states = dict(
        Response.objects.filter(questionnaire__in=found, city=officer.city_id).values_list("questionnaire_id", "state")
    )
    rows = [(questionnaire, states.get(questionnaire.pk)) for questionnaire in found]
    return {"open": [row for row in rows if row[0].is_open], "closed": [row for row in rows if not row[0].is_open]}
