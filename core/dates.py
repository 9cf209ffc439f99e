"""Dates people may type: within 1900–2100. A form refuses anything else with a message, and a check constraint
keeps the database from holding it, since a date such as 0001-01-01 00:00 in Beijing is year 0 in UTC, which no
page can read back."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EARLIEST = datetime.date(1900, 1, 1)
LATEST = datetime.date(2100, 12, 31)
EARLIEST_MOMENT = datetime.datetime(1900, 1, 1, tzinfo=datetime.UTC)
AFTER_LATEST_MOMENT = datetime.datetime(2101, 1, 1, tzinfo=datetime.UTC)


def validate_sensible_date(value: datetime.date | datetime.datetime | None) -> None:
    if value is None:
        return
    day = value.date() if isinstance(value, datetime.datetime) else value
    if not EARLIEST <= day <= LATEST:
        raise ValidationError(
            _("Enter a date between %(earliest)s and %(latest)s.") % {"earliest": EARLIEST.year, "latest": LATEST.year},
            code="date_out_of_range",
        )


def _window(field: models.Field[Any, Any]) -> tuple[Any, Any]:
    if isinstance(field, models.DateTimeField):
        return EARLIEST_MOMENT, AFTER_LATEST_MOMENT
    return EARLIEST, LATEST + datetime.timedelta(days=1)


def sensible_dates(
    model: str, *, days: tuple[str, ...] = (), moments: tuple[str, ...] = (), optional: tuple[str, ...] = ()
) -> list[SensibleDate]:
    """Check constraints for a model's date fields (`days`) and date-time fields (`moments`): within the window,
    or empty for those in `optional`."""
    constraints = []
    for names, (earliest, after_latest) in (
        (days, (EARLIEST, LATEST + datetime.timedelta(days=1))),
        (moments, (EARLIEST_MOMENT, AFTER_LATEST_MOMENT)),
    ):
        for name in names:
            condition = Q(**{f"{name}__gte": earliest, f"{name}__lt": after_latest})
            if name in optional:
                condition |= Q(**{f"{name}__isnull": True})
            constraints.append(
                SensibleDate(
                    condition=condition,
                    name=f"{model}_{name}_sensible_date",
                    field=name,
                    window=(earliest, after_latest),
                )
            )
    return constraints


class SensibleDate(models.CheckConstraint):
    """The database's check on one date field; a form checks it in Python, where Django's CheckConstraint would
    run a query (in a savepoint: three round trips) per field and instance. Migrations see a plain
    CheckConstraint."""

    def __init__(self, *, field: str, window: tuple[Any, Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.field, self.window = field, window

    def validate(self, model: Any, instance: Any, exclude: Any = None, using: Any = None) -> None:
        if exclude and self.field in exclude:
            return
        value = getattr(instance, self.field)
        if value is None:  # as in SQL, where a check on NULL passes (NOT NULL is the column's own rule)
            return
        if isinstance(value, datetime.datetime) and timezone.is_naive(value):
            value = timezone.make_aware(value)
        earliest, after_latest = self.window
        if not earliest <= value < after_latest:
            raise ValidationError(self.get_violation_error_message(), code=self.violation_error_code)

    def deconstruct(self) -> tuple[str, Any, Any]:
        _path, args, kwargs = super().deconstruct()
        return "django.db.models.CheckConstraint", args, kwargs

    def clone(self) -> SensibleDate:
        _path, args, kwargs = self.deconstruct()
        return SensibleDate(*args, field=self.field, window=self.window, **kwargs)


def clear_out_of_window_dates(app_label: str, model_name: str, names: tuple[str, ...]) -> Callable[[Any, Any], None]:
    """A data migration's function, before the constraints: a date outside the window becomes empty where the
    field may be empty, and the window's edge where it may not. Done by UPDATE, without reading the rows, which
    may not be readable."""

    def run(apps: Any, schema_editor: Any) -> None:
        model = apps.get_model(app_label, model_name)
        for name in names:
            field = model._meta.get_field(name)
            earliest, after_latest = _window(field)
            latest = after_latest - (
                datetime.timedelta(seconds=1) if isinstance(field, models.DateTimeField) else datetime.timedelta(days=1)
            )
            model.objects.filter(**{f"{name}__lt": earliest}).update(**{name: None if field.null else earliest})
            model.objects.filter(**{f"{name}__gte": after_latest}).update(**{name: None if field.null else latest})

    return run
