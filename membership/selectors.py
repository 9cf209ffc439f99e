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
    """What was issued for `year`, and how much of it is paid, waived and still outstanding (three queries, each
    summed on its own so that the check `issued = paid + waived + outstanding` compares independent figures)."""
    issued = DuesNotice.objects.filter(year=year).aggregate(n=Count("id"), total=Sum("amount"))
    by_kind = dict(
        Payment.objects.filter(notice__year=year, voided_at__isnull=True)
        .order_by()
        .values_list("kind")
        .annotate(total=Sum("amount"))
    )
    outstanding = DuesNotice.objects.filter(year=year).with_amounts().aggregate(total=Sum("outstanding"))
    return YearTotals(
        year=year,
        notices=issued["n"],
        issued=issued["total"] or ZERO,
        paid=by_kind.get(Payment.Kind.PAYMENT, ZERO),
        waived=by_kind.get(Payment.Kind.WAIVER, ZERO),
        outstanding=outstanding["total"] or ZERO,
    )


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
