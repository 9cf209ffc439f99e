"""Many liaison officers submitting at the same moment, on real PostgreSQL connections."""

import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from events import services
from events.models import Delegation
from tests.concurrency import run_together
from tests.events.conftest import delegates

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL: set DATABASE_URL to run the concurrency tests"
    ),
]

SUBMISSIONS = 50
CAPACITY = 10


def register_everyone(event, officers):
    return run_together(
        [
            (
                lambda officer=officer: services.delegation_register(
                    event=event, officer=officer, delegates=delegates(1), consent=True
                )
            )
            for officer in officers
        ]
    )


def confirmed_delegates(event):
    return sum(
        Delegation.objects.filter(event=event, state=Delegation.State.CONFIRMED).values_list(
            "delegate_count", flat=True
        )
    )


@pytest.fixture
def crowd(make_event, make_officer):
    event = make_event(capacity=CAPACITY, waiting_list=False, per_city_limit=1)
    return event, [make_officer(f"city{n:02d}") for n in range(SUBMISSIONS)]


def test_fifty_simultaneous_registrations_confirm_exactly_the_capacity(crowd):
    event, officers = crowd
    outcomes = register_everyone(event, officers)
    assert len(outcomes) == SUBMISSIONS
    assert confirmed_delegates(event) == CAPACITY
    assert sum(isinstance(outcome, ValidationError) for outcome in outcomes) == SUBMISSIONS - CAPACITY


def test_without_the_lock_the_same_crowd_overbooks(crowd, monkeypatch):
    """The control run: it proves the test above can see the bug it guards against."""
    event, officers = crowd
    monkeypatch.setattr(services, "LOCKING", False)
    monkeypatch.setattr(services, "after_capacity_check", lambda: time.sleep(0.05))
    register_everyone(event, officers)
    assert confirmed_delegates(event) > CAPACITY


def test_the_same_delegation_submitted_from_many_tabs_at_once_is_stored_once(make_event, make_officer):
    event, officer = make_event(), make_officer("nanning")
    outcomes = run_together(
        [
            (lambda: services.delegation_register(event=event, officer=officer, delegates=delegates(2), consent=True))
            for _ in range(20)
        ]
    )
    assert Delegation.objects.filter(event=event, city=officer.city).count() == 1
    assert sum(isinstance(outcome, Delegation) for outcome in outcomes) == 1
    # the others told why, whether the check or the database's constraint stopped them
    assert all(isinstance(outcome, ValidationError) for outcome in outcomes if not isinstance(outcome, Delegation))


def test_two_reminder_runs_at_the_same_moment_send_each_reminder_once(make_event, make_officer, mailoutbox):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    now = timezone.now()
    event = make_event(
        starts_at=now + datetime.timedelta(days=1), ends_at=now + datetime.timedelta(days=2), reminder_days=3
    )
    for n in range(5):
        services.delegation_register(event=event, officer=make_officer(f"r{n}"), delegates=delegates(1), consent=True)
    mailoutbox.clear()
    run_together([lambda: call_command("send_event_reminders", stdout=open("/dev/null", "w")) for _ in range(4)])
    assert sorted(message.to[0] for message in mailoutbox) == [f"r{n}@example.cn" for n in range(5)]
