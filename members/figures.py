"""The member register's figures: member cities by region and membership level, and who joined and left in a
year, read by the dashboard, the public figures page and the annual work report."""

from __future__ import annotations

import datetime

from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _

from core.backoffice.figures import Figure, Period, Series
from members.models import MemberCity, MembershipChange, MembershipLevel, Region


def members_by_region(period: Period) -> Figure:
    """Today's member cities (active or suspended) per region, stacked by membership level. The period does not
    apply: the register keeps each city's current level."""
    regions = list(Region.objects.all())
    counts = {
        (region_id, level): n
        for region_id, level, n in MemberCity.objects.members()
        .order_by()
        .values_list("region_id", "membership_level")
        .annotate(n=Count("id"))
    }
    levels = [(level, label) for level, label in MembershipLevel.choices]
    return Figure(
        categories=[str(region) for region in regions],
        category_label=_("Region"),
        stacked=True,
        series=[Series(label, [counts.get((region.pk, level), 0) for region in regions]) for level, label in levels],
        note=_("Member cities today (active or suspended), by membership level."),
    )


def joined(year: int) -> QuerySet[MemberCity]:
    """The cities that joined in the year (and are in the register, whatever they did since)."""
    return MemberCity.objects.filter(joined_on__year=year).select_related("region").order_by("joined_on", "name")


def departed(year: int) -> QuerySet[MembershipChange]:
    """The decisions taking effect in the year by which a city left."""
    return (
        MembershipChange.objects.filter(effective_on__year=year, status_after=MemberCity.Status.LEFT)
        .select_related("city")
        .order_by("effective_on", "id")
    )


def members_on(day: datetime.date) -> int:
    """Member cities on a day: joined by then and not left by then (a city that left counts until its change)."""
    left_by = MembershipChange.objects.filter(effective_on__lte=day, status_after=MemberCity.Status.LEFT)
    return MemberCity.objects.filter(joined_on__lte=day).exclude(pk__in=left_by.values("city_id")).count()


def joined_and_left(period: Period) -> Figure:
    joins = dict(
        MemberCity.objects.filter(joined_on__year__gte=period.first, joined_on__year__lte=period.last)
        .values_list("joined_on__year")
        .annotate(n=Count("id"))
        .order_by()
    )
    leaves = dict(
        MembershipChange.objects.filter(
            effective_on__year__gte=period.first,
            effective_on__year__lte=period.last,
            status_after=MemberCity.Status.LEFT,
        )
        .values_list("effective_on__year")
        .annotate(n=Count("id"))
        .order_by()
    )
    return Figure(
        categories=[str(year) for year in period.years],
        category_label=_("Year"),
        series=[
            Series(_("Joined"), [joins.get(year, 0) for year in period.years]),
            Series(_("Left"), [leaves.get(year, 0) for year in period.years]),
        ],
    )


def profile(city: MemberCity) -> dict[str, object]:
    """The register's part of a city's profile: its mayors and officers over time, and their honours."""
    from members.models import LiaisonAward

    return {
        "mayors": list(city.mayors.order_by("-term_start")),
        "officers": list(city.officers.order_by("-appointed_on", "name")),
        "honours": list(
            LiaisonAward.objects.filter(officer__city=city).select_related("officer").order_by("-year", "title")
        ),
        "changes": list(city.membership_changes.order_by("-effective_on", "-id")),
    }
