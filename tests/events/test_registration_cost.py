"""What one registration costs, the figure that sets how many a meeting takes a second when registration opens
(`make bench-http` runs the thousand; tests/stack/test_nine_oclock.py the two hundred): its queries do not grow
with the meeting's registrations, and the meeting's row lock is taken only after everything that need not wait
for it has been written."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.dates import SensibleDate
from events import services
from events.models import Delegate, Delegation
from events.portal_forms import DelegateForm
from tests.events.conftest import delegates
from tests.events.test_pages import form_data

# Session, user, devices, officer, meeting, the city's registration; then the delegation, its delegates and its
# step before the lock; under it the meeting, the seats taken, the decision, its step, the e-mail and the SMS.
QUERIES = {"postgresql": 25, "sqlite": 24}  # 24/23 before a registration turned a declined reply into "attend"


def register(client, event, officer, people=2):
    client.force_login(officer.user)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(f"/portal/events/{event.pk}/delegation/", form_data(delegates(people)))
    assert response.status_code == 302
    return [query["sql"] for query in queries.captured_queries]


def test_a_registration_costs_the_same_queries_in_an_empty_and_a_full_meeting(client, make_event, make_officer):
    event = make_event(capacity=20, per_city_limit=3)
    register(client, event, make_officer("warm"))  # the association's profile is read once, then cached
    first = register(client, event, make_officer("first"))
    for n in range(30):  # eight more confirmed, the rest waiting
        services.delegation_register(event=event, officer=make_officer(f"c{n}"), delegates=delegates(2), consent=True)
    assert Delegation.objects.filter(event=event).waiting().count() == 22
    last = register(client, event, make_officer("last"))

    assert len(first) == len(last) == QUERIES[connection.vendor], "\n".join(last)


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no row locks (SELECT … FOR UPDATE)")
def test_the_meetings_row_lock_is_taken_after_the_delegation_and_its_delegates_are_written(
    client, make_event, make_officer
):
    queries = register(client, make_event(), make_officer("nanning"))
    lock = next(n for n, sql in enumerate(queries) if "FOR UPDATE" in sql)

    def first_insert(table):
        return next(n for n, sql in enumerate(queries) if sql.startswith(f'INSERT INTO "{table}"'))

    # the delegation, its delegates and its "submitted" step; only the decision's step comes after
    assert max(first_insert(t) for t in ("events_delegation", "events_delegate", "events_delegationtransition")) < lock


def test_a_second_registration_of_the_same_city_is_refused_with_a_message_by_the_constraint(make_event, make_officer):
    event, officer = make_event(), make_officer("nanning")
    services.delegation_register(event=event, officer=officer, delegates=delegates(1), consent=True)
    with pytest.raises(ValidationError, match="已报名"):
        services.delegation_register(event=event, officer=officer, delegates=delegates(2), consent=True)
    assert Delegation.objects.get().delegate_count == 1


def test_registration_closed_meanwhile_is_refused_once_the_lock_is_held(make_event, make_officer, monkeypatch):
    """The window is read again under the lock: staff closing registration while an officer's post waits for it."""
    event, officer = make_event(), make_officer("nanning")
    locked = services._lock_event

    def close_then_lock(event_id):
        type(event).objects.filter(pk=event_id).update(registration_closes_at=event.registration_opens_at)
        return locked(event_id)

    monkeypatch.setattr(services, "_lock_event", close_then_lock)
    with pytest.raises(ValidationError, match="不在报名时间内"):
        services.delegation_register(event=event, officer=officer, delegates=delegates(1), consent=True)
    assert not Delegation.objects.exists() and not Delegate.objects.exists()


def test_a_delegates_dates_are_checked_without_a_query():
    """No database in this test: a query (Django's way of checking a CheckConstraint) would raise."""
    assert any(isinstance(c, SensibleDate) for c in Delegate._meta.constraints)
    fine = {"name": "张三", "gender": "male", "position": "副市长", "rank": 1, "accommodation": "single"}
    year_one = {**fine, "arrival": datetime.datetime(1, 1, 2, 9, 0)}
    assert DelegateForm(fine).is_valid()
    refused = DelegateForm(year_one)
    assert not refused.is_valid()
    assert "1900" in str(refused.errors["arrival"])


def verdict(check, constraint, instance):
    try:
        check(constraint, Delegate, instance)
    except ValidationError:
        return "refused"
    return "accepted"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "value",
    [
        None,
        datetime.datetime(1899, 12, 31, 23, 59, tzinfo=datetime.UTC),
        datetime.datetime(1900, 1, 1, tzinfo=datetime.UTC),
        datetime.datetime(2100, 12, 31, 23, 59, tzinfo=datetime.UTC),
        datetime.datetime(2101, 1, 1, tzinfo=datetime.UTC),
    ],
)
def test_the_python_check_of_a_date_agrees_with_the_databases(value):
    from django.db import models

    for constraint in (c for c in Delegate._meta.constraints if isinstance(c, SensibleDate)):
        delegate = Delegate(**{constraint.field: value})
        in_python = verdict(SensibleDate.validate, constraint, delegate)
        in_the_database = verdict(models.CheckConstraint.validate, constraint, delegate)  # Django's query
        assert in_python == in_the_database, (constraint.name, value)
