"""Numbers without gaps or repeats: the next number of a series for a year, taken under a row lock in the caller's
transaction. A rollback of that transaction gives the number back, so a number is only ever used once and none
is skipped."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from membership.models import NumberCounter


def _counter(series: str, year: int) -> NumberCounter:
    try:
        with transaction.atomic():  # a savepoint: two first numbers of a year may race to create the row
            NumberCounter.objects.get_or_create(series=series, year=year)
    except IntegrityError:
        pass  # the other transaction created it; the lock below waits for it
    return NumberCounter.objects.select_for_update().get(series=series, year=year)


def take_numbers(series: str, year: int, count: int = 1) -> range:
    """`count` consecutive numbers of `series` for `year`; must be called inside the transaction that uses them."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("take_numbers must run inside the transaction that records what the numbers number")
    counter = _counter(series, year)
    first = counter.last + 1
    counter.last += count
    counter.save(update_fields=["last"])
    return range(first, first + count)


def take_number(series: str, year: int) -> int:
    return take_numbers(series, year)[0]
