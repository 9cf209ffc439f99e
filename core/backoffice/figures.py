"""Figures over time for staff and the public: each app declares its charts (`charts` in its contributions.py, a
`core.registry.Chart` naming a function `f(period) -> Figure`), and core serves them as JSON, draws them with
Apache ECharts and prints the same numbers in a table beside each chart.

Figures are cached per figures generation: any change to a project app's rows (once its transaction commits)
starts a new one, so a figure is never stale after a change, and each is worked out at most once per change."""

from __future__ import annotations

import datetime
import logging
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.cache import caches
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core import registry
from core.commit import once_on_commit

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

logger = logging.getLogger(__name__)

Number = int | Decimal | None
EARLIEST_YEAR = 1990
LONGEST_PERIOD_YEARS = 30


class PeriodError(ValueError):
    pass


@dataclass(frozen=True)
class Period:
    """Whole calendar years, from `first` to `last` inclusive."""

    first: int
    last: int

    @classmethod
    def last_years(cls, years: int, today: datetime.date | None = None) -> Period:
        this_year = (today or timezone.localdate()).year
        return cls(this_year - years + 1, this_year)

    @classmethod
    def parse(cls, first: str | None, last: str | None, default: Period) -> Period:
        """The period asked for by `?from=2022&to=2026` (either may be left out); PeriodError says what is wrong."""
        try:
            start = int(first) if first else default.first
            end = int(last) if last else default.last
        except ValueError:
            raise PeriodError(_("The years must be written as numbers, for example 2024.")) from None
        this_year = timezone.localdate().year
        if not (EARLIEST_YEAR <= start <= this_year + 1 and EARLIEST_YEAR <= end <= this_year + 1):
            raise PeriodError(
                _("The years must lie between %(earliest)s and %(latest)s.")
                % {"earliest": EARLIEST_YEAR, "latest": this_year + 1}
            )
        if start > end:
            raise PeriodError(_("The first year must not come after the last."))
        if end - start + 1 > LONGEST_PERIOD_YEARS:
            raise PeriodError(_("A period may cover at most %(years)s years.") % {"years": LONGEST_PERIOD_YEARS})
        return cls(start, end)

    @property
    def years(self) -> list[int]:
        return list(range(self.first, self.last + 1))

    @property
    def months(self) -> list[str]:
        return [f"{year}-{month:02d}" for year in self.years for month in range(1, 13)]

    def start(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime(self.first, 1, 1))

    def end(self) -> datetime.datetime:
        """The first moment after the period."""
        return timezone.make_aware(datetime.datetime(self.last + 1, 1, 1))

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}–{self.last}"


@dataclass
class Series:
    name: StrOrPromise
    values: Sequence[Number]
    kind: str = "bar"  # "bar" or "line"
    percent: bool = False  # drawn against the right-hand axis, 0–100


@dataclass
class Figure:
    """What a chart shows: a value per category (year, month, region, meeting) for each series. The table beside the
    chart prints the same values, a row per category."""

    categories: list[str]
    series: list[Series]
    category_label: StrOrPromise = ""
    stacked: bool = False
    unit: StrOrPromise = ""  # of the values that are not percentages ("yuan")
    note: StrOrPromise = ""  # where the numbers come from, for readers

    def rows(self) -> list[tuple[str, list[tuple[Number, bool]]]]:
        """A row per category: each series' value, and whether it is a percentage."""
        return [
            (category, [(series.values[i], series.percent) for series in self.series])
            for i, category in enumerate(self.categories)
        ]

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("category_label", "unit", "note"):
            data[key] = str(data[key])
        for series in data["series"]:
            series["name"] = str(series["name"])
            series["values"] = [str(value) if isinstance(value, Decimal) else value for value in series["values"]]
        return data


def charts(*, public: bool = False, user: Any = None) -> list[registry.Chart]:
    """Every declared chart in order of position: the public ones for public pages, those `user` may see for staff."""
    found = [
        chart
        for chart in registry.charts()
        if (chart.public or not public) and (user is None or not chart.permission or user.has_perm(chart.permission))
    ]
    return sorted(found, key=lambda chart: chart.position)


def chart(key: str, *, public: bool = False) -> registry.Chart | None:
    return next((found for found in charts(public=public) if found.key == key), None)


# The figures generation: a change to any project app's rows starts a new one.

GENERATION_KEY = "figures-generation"


def _cache() -> Any:
    return caches["pages"]


def generation() -> str:
    try:
        current = _cache().get(GENERATION_KEY)
    except Exception:
        logger.warning("could not read the figures generation", exc_info=True)
        return ""
    if current is None:
        current = new_generation()
    return current


def new_generation() -> str:
    current = uuid.uuid4().hex
    try:
        _cache().set(GENERATION_KEY, current, None)
    except Exception:
        logger.warning("could not start a new figures generation", exc_info=True)
    return current


def figures_changed() -> None:
    """Call after a bulk write that sends no signals (update(), bulk_create())."""
    transaction.on_commit(new_generation, robust=True)


def computed(declared: registry.Chart, period: Period) -> Figure:
    """The chart's figure for the period, from the cache while nothing has changed. Without a cache (Redis down)
    it is worked out again: staff never lose the dashboard to it."""
    current = generation()
    key = f"figure:{current}:{declared.key}:{period.first}:{period.last}:{get_language()}"
    if current:
        try:
            cached = _cache().get(key)
        except Exception:
            cached = None
        if cached is not None:
            return cached
    figure = import_string(declared.function)(period)
    # Lazy texts become the current language's strings before they are kept.
    figure.categories = [str(category) for category in figure.categories]
    figure.category_label, figure.unit, figure.note = str(figure.category_label), str(figure.unit), str(figure.note)
    for series in figure.series:
        series.name = str(series.name)
    if current:
        try:
            _cache().set(key, figure, 24 * 3600)
        except Exception:
            logger.warning("could not keep a figure", exc_info=True)
    return figure


def _changed(sender: type, **kwargs: Any) -> None:
    if getattr(sender, "_meta", None) is not None and registry.counts_in_figures(sender):
        once_on_commit(new_generation)


def connect_signals() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_changed, dispatch_uid=f"core.backoffice.figures.{signal}")


def rate(part: int, whole: int) -> Decimal | None:
    """A percentage with one decimal, or None where there is nothing to divide by."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))
