"""The day's limits hold when several workers send at the same moment: the count and the spending are read and the
message sent under one lock. Real PostgreSQL connections, one thread per worker."""

from decimal import Decimal

import pytest
from django.db import connection

from core.sms import outbox
from core.sms.models import OutgoingSms
from tests.concurrency import run_together
from tests.factories import OutgoingSmsFactory, SmsTemplateFactory
from tests.sms_provider import FakeProviders

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL: set DATABASE_URL to run the concurrency tests"
    ),
]

WORKERS = 12
BUDGET = 5


@pytest.fixture
def fake(settings):
    server = FakeProviders(seconds_per_message=0.05).start()
    settings.SMS_URL = server.url("aliyun")
    settings.SMS_PRICE_PER_MESSAGE = Decimal("0.045")
    settings.SMS_DAILY_SPEND_CAP = Decimal("0.045") * BUDGET
    yield server
    server.stop()


def race(rows):
    return run_together([(lambda row=row: outbox.deliver(row.pk)) for row in rows], catch=(Exception,))


def test_twelve_workers_at_once_spend_no_more_than_the_days_cap(fake):
    SmsTemplateFactory(kind="meeting_notice")
    rows = [OutgoingSmsFactory(to=f"+861380771{n + 1001:04d}") for n in range(WORKERS)]

    outcomes = race(rows)

    assert all(not isinstance(outcome, Exception) for outcome in outcomes), outcomes
    assert len(fake.sent) == BUDGET
    assert OutgoingSms.objects.filter(state=OutgoingSms.State.SENT).count() == BUDGET


def test_two_workers_given_the_same_row_send_it_once(fake):
    SmsTemplateFactory(kind="meeting_notice")
    row = OutgoingSmsFactory()

    race([row, row, row])

    assert len(fake.sent) == 1 and OutgoingSms.objects.get().attempts == 1


def test_control_without_the_lock_the_same_race_overspends(fake, monkeypatch):
    """The same twelve workers with the send lock taken away: the test above would catch it."""
    SmsTemplateFactory(kind="meeting_notice")
    rows = [OutgoingSmsFactory(to=f"+861390771{n + 1001:04d}") for n in range(WORKERS)]
    monkeypatch.setattr(outbox, "_hold_send_lock", lambda: None)

    race(rows)

    assert len(fake.sent) > BUDGET
    spent = sum(OutgoingSms.objects.filter(state="sent").values_list("cost", flat=True))
    assert spent > Decimal("0.045") * BUDGET
