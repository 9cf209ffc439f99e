"""A request that cannot get the event's row lock in time answers "busy, please retry" and changes nothing,
instead of waiting without end behind a stuck transaction (or answering 500)."""

import threading

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection, connections, transaction
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.utils import translation

from core.locks import Busy
from core.web.middleware import BusyMiddleware
from events import services
from events.models import Delegate, Delegation, Event
from tests.events.conftest import delegates, meeting_day
from tests.events.test_pages import form_data


def on_postgres(test):
    for mark in (
        pytest.mark.postgres,
        pytest.mark.django_db(transaction=True),
        pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: row locks are PostgreSQL's"),
    ):
        test = mark(test)
    return test


class HeldLock:
    """Another transaction, on its own connection, holding the event's row lock until released."""

    model = Event

    def __init__(self, row):
        self.row = row
        self.taken = threading.Event()
        self.release = threading.Event()
        self.thread = threading.Thread(target=self._hold)

    def _hold(self):
        try:
            with transaction.atomic():
                self.model.objects.select_for_update().get(pk=self.row.pk)
                self.taken.set()
                self.release.wait(timeout=30)
        finally:
            connections.close_all()

    def __enter__(self):
        self.thread.start()
        assert self.taken.wait(timeout=10)
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.thread.join(timeout=30)


class HeldDelegate(HeldLock):
    """The same for a delegate's row, as a check-in desk scanning the same code holds it."""

    model = Delegate


@on_postgres
@override_settings(LOCK_TIMEOUT=0.3)
def test_an_officer_whose_registration_waits_too_long_is_asked_to_retry_and_nothing_is_saved(
    client, make_event, make_officer
):
    event = make_event()
    officer = make_officer("beihai")
    client.force_login(officer.user)

    with HeldLock(event):
        response = client.post(f"/portal/events/{event.pk}/delegation/", form_data(delegates(2)))

    assert response.status_code == 503
    with translation.override("zh-hans"):
        assert str(Busy.message) in response.content.decode()
    assert 'value="代表1"' in response.content.decode()  # what the officer typed is still in the form
    assert not Delegation.objects.exists()
    # Once the other transaction has finished, the same submission goes through.
    response = client.post(f"/portal/events/{event.pk}/delegation/", form_data(delegates(2)))
    assert response.status_code == 302
    assert Delegation.objects.get().state == Delegation.State.CONFIRMED


@on_postgres
@override_settings(LOCK_TIMEOUT=0.3)
def test_a_staff_decision_that_waits_too_long_is_a_warning_and_changes_nothing(
    client, make_event, make_officer, django_user_model
):
    event = make_event(requires_approval=True)
    delegation = services.delegation_register(
        event=event, officer=make_officer("beihai"), delegates=delegates(2), consent=True
    )
    # A transactional test starts without the groups the migrations made: a superuser stands in for a manager.
    client.force_login(django_user_model.objects.create_superuser("manager", password="pw"))

    with HeldLock(event):
        response = client.post(
            "/admin/events/delegation/", {"action": "confirm", "_selected_action": [delegation.pk]}, follow=True
        )

    delegation.refresh_from_db()
    assert delegation.state == Delegation.State.PENDING
    with translation.override("zh-hans"):
        assert str(Busy.message) in response.content.decode()


@on_postgres
@override_settings(LOCK_TIMEOUT=0.3)
def test_the_lock_timeout_is_busy_not_a_database_error(make_event, make_officer):
    event = make_event()
    officer = make_officer("beihai")

    with HeldLock(event), pytest.raises(Busy):
        services.delegation_register(event=event, officer=officer, delegates=delegates(1), consent=True)


@pytest.mark.django_db
def test_busy_anywhere_is_a_503_with_retry_after_not_a_500():
    request = RequestFactory().post("/portal/events/1/delegation/")
    request.user = AnonymousUser()
    request.LANGUAGE_CODE = "zh-hans"
    middleware = BusyMiddleware(lambda request: HttpResponse())

    response = middleware.process_exception(request, Busy())

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["Cache-Control"] == "no-store"
    with translation.override("zh-hans"):
        assert str(Busy.message) in response.content.decode()
    assert middleware.process_exception(request, ValueError()) is None


@on_postgres
@override_settings(LOCK_TIMEOUT=0.3)
def test_a_check_in_that_waits_too_long_keeps_the_code_for_one_more_tap(
    client, make_event, make_officer, django_user_model
):
    event = make_event()
    delegation = services.delegation_register(
        event=event, officer=make_officer("beihai"), delegates=delegates(1), consent=True
    )
    delegate = delegation.delegates.get()
    meeting_day(event)
    client.force_login(django_user_model.objects.create_superuser("desk", password="pw"))

    with HeldDelegate(delegate):
        response = client.post(f"/events/{event.pk}/checkin/", {"token": delegate.checkin_token})

    assert response.status_code == 503
    assert f'value="{delegate.checkin_token}"' in response.content.decode()
    delegate.refresh_from_db()
    assert delegate.checked_in_at is None
