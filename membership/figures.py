"""Dues collected against dues expected, year by year (the dashboard and the annual work report)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from core.backoffice.figures import Figure, Period, Series, rate
from members.models import MemberCity
from membership.selectors import ledger, totals_by_year


def dues_by_year(period: Period) -> Figure:
    totals = totals_by_year(period.first, period.last)
    rows = [totals[year] for year in period.years]
    return Figure(
        categories=[str(year) for year in period.years],
        category_label=_("Year"),
        unit=_("yuan"),
        series=[
            Series(_("Expected (notices issued)"), [row.issued for row in rows]),
            Series(_("Collected"), [row.paid for row in rows]),
            Series(_("Waived"), [row.waived for row in rows]),
            Series(_("Outstanding"), [row.outstanding for row in rows]),
            Series(
                _("Collected of expected"),
                [rate(int(row.paid * 100), int(row.issued * 100)) for row in rows],
                kind="line",
                percent=True,
            ),
        ],
        note=_("Dues notices by the year they are for; payments not voided."),
    )


def profile(city: MemberCity) -> dict[str, object]:
    """Dues in a city's profile: each year's notice with what is paid, waived and outstanding."""
    return {"ledger": ledger(city)}
