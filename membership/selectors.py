"""Reads of membership data: the officer's desk, a city's ledger, arrears and the year's totals."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, QuerySet, Sum
from django.utils import timezone

from members.models import LiaisonOfficer, MemberCity
from membership.models import ZERO, Certificate, DuesNotice, Payment, Receipt


@dataclass(frozen=True)
class YearTotals:
    year: int
    notices: int
    issued: Decimal
    paid: Decimal
    waived: Decimal
    outstanding: Decimal

    @property
    def balanced(self) -> bool:
        return self.issued == self.paid + self.waived + self.outstanding


def year_totals(year: int) -> YearTotals:
    """What was issued for `year`, and how much of it is paid, waived and still outstanding."""
    return totals_by_year(year, year)[year]


def totals_by_year(first: int, last: int) -> dict[int, YearTotals]:
    """Each year's totals from `first` to `last` (three queries whatever the number of years, each summed on its own
    so that the check `issued = paid + waived + outstanding` compares independent figures)."""
    notices = DuesNotice.objects.filter(year__gte=first, year__lte=last).order_by()
    issued = {row["year"]: row for row in notices.values("year").annotate(n=Count("id"), total=Sum("amount"))}
    by_kind: dict[tuple[int, str], Decimal] = {
        (year, kind): total
        for year, kind, total in Payment.objects.filter(
            notice__year__gte=first, notice__year__lte=last, voided_at__isnull=True
        )
        .order_by()
        .values_list("notice__year", "kind")
        .annotate(total=Sum("amount"))
    }
    outstanding = dict(
        notices.with_amounts().values("year").annotate(total=Sum("outstanding")).values_list("year", "total")
    )
    return {
        year: YearTotals(
            year=year,
            notices=issued.get(year, {}).get("n", 0),
            issued=issued.get(year, {}).get("total") or ZERO,
            paid=by_kind.get((year, Payment.Kind.PAYMENT), ZERO),
            waived=by_kind.get((year, Payment.Kind.WAIVER), ZERO),
            outstanding=outstanding.get(year) or ZERO,
        )
        for year in range(first, last + 1)
    }


def arrears(year: int | None = None) -> QuerySet[DuesNotice]:
    """Notices with money outstanding, by city then year (one query, whatever the number of cities or years)."""
    notices = DuesNotice.objects.outstanding().select_related("city", "city__region")
    if year is not None:
        notices = notices.filter(year=year)
    return notices.order_by("city__region__order", "city__name", "year")


def ledger(city: MemberCity) -> list[DuesNotice]:
    """Every notice of the city, newest year first, with paid, waived and outstanding."""
    return list(DuesNotice.objects.filter(city=city).with_amounts().order_by("-year"))


def desk_for(officer: LiaisonOfficer) -> dict[str, Any]:
    """The desk's membership section: level and status, this year's dues, and the papers to download."""
    city = officer.city
    year = timezone.localdate().year
    notices = ledger(city)
    this_year = next((notice for notice in notices if notice.year == year), None)
    earlier_outstanding = sum((n.outstanding for n in notices if n.year < year), ZERO)  # type: ignore[attr-defined]
    receipts = list(
        Receipt.objects.filter(payment__notice__city=city)
        .select_related("payment__notice")
        .order_by("-year", "-number")
    )
    today = timezone.localdate()
    certificate = (
        Certificate.objects.filter(city=city, revoked_at__isnull=True, valid_from__lte=today, valid_until__gte=today)
        .order_by("-valid_until")
        .first()
    )
    return {
        "city": city,
        "year": year,
        "notice": this_year,
        "earlier_outstanding": earlier_outstanding,
        "receipts": receipts,
        "certificate": certificate,
    }
