"""Receipt numbers never skip or repeat, even when payments are recorded at the same moment: the number comes
from a per-year counter row locked in the transaction that records the payment. Real PostgreSQL connections."""

import datetime
import time
from decimal import Decimal

import pytest
from django.db import connection, transaction

from membership.models import NumberCounter, Receipt
from membership.services import dues, numbers
from tests.concurrency import run_together
from tests.factories import DuesNoticeFactory, SuperUserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL: set DATABASE_URL to run the concurrency tests"
    ),
]

PAYMENTS = 50


@pytest.fixture
def finance(db):
    """A superuser: a transactional test's flush removes the staff groups the data migrations made."""
    return SuperUserFactory()


def pay_fifty_at_once(finance, year):
    notices = DuesNoticeFactory.create_batch(PAYMENTS, year=year)
    paid_on = datetime.date(year, 2, 1)
    return run_together(
        [
            (
                lambda notice=notice: dues.record_payment(
                    notice=notice, amount=Decimal("5000"), paid_on=paid_on, by=finance
                )
            )
            for notice in notices
        ],
        catch=(Exception,),  # the control expects the race to fail in some way
    )


def test_fifty_simultaneous_payments_get_receipts_one_to_fifty(finance, year):
    outcomes = pay_fifty_at_once(finance, year)

    assert [type(outcome) for outcome in outcomes] == [Receipt] * PAYMENTS
    assert sorted(Receipt.objects.filter(year=year).values_list("number", flat=True)) == list(range(1, PAYMENTS + 1))
    assert NumberCounter.objects.get(series="receipt", year=year).last == PAYMENTS


def test_control_without_the_lock_the_same_race_repeats_or_loses_numbers(finance, year, monkeypatch):
    """The same fifty payments with the counter read without its row lock (and a moment between reading and
    writing, as a busy server has): the test above would catch it."""

    def unlocked_counter(series, year):
        NumberCounter.objects.get_or_create(series=series, year=year)
        counter = NumberCounter.objects.get(series=series, year=year)
        time.sleep(0.05)
        return counter

    monkeypatch.setattr(numbers, "_counter", unlocked_counter)

    outcomes = pay_fifty_at_once(finance, year)

    given = sorted(Receipt.objects.filter(year=year).values_list("number", flat=True))
    failed = [outcome for outcome in outcomes if not isinstance(outcome, Receipt)]
    assert failed or given != list(range(1, PAYMENTS + 1))
    assert len(given) < PAYMENTS or len(set(given)) < PAYMENTS or given != list(range(1, PAYMENTS + 1))


def test_a_rolled_back_payment_gives_its_number_back(finance, year):
    first, second = DuesNoticeFactory.create_batch(2, year=year)
    paid_on = datetime.date(year, 2, 1)

    with pytest.raises(RuntimeError), transaction.atomic():
        dues.record_payment(notice=first, amount=Decimal("5000"), paid_on=paid_on, by=finance)
        raise RuntimeError("the bank line failed after the receipt was numbered")
    receipt = dues.record_payment(notice=second, amount=Decimal("5000"), paid_on=paid_on, by=finance)

    assert receipt.number == 1
    assert list(Receipt.objects.values_list("number", flat=True)) == [1]
