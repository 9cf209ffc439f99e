import datetime
import threading

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone

from events import services
from events.checkin import delegate_check_in
from events.models import Delegate, Delegation, DelegationTransition, Event
from tests.events.conftest import delegates, meeting_day


@pytest.fixture
def confirmed(make_event, make_officer):
    """A confirmed delegation of two, on the day of its meeting."""
    delegation = services.delegation_register(
        event=make_event(), officer=make_officer("nanning"), delegates=delegates(2), consent=True
    )
    delegation.event = meeting_day(delegation.event)
    return delegation


def test_a_delegate_is_checked_in_once(confirmed):
    delegate = confirmed.delegates.first()
    first = delegate_check_in(token=delegate.checkin_token, event=confirmed.event)
    second = delegate_check_in(token=delegate.checkin_token, event=confirmed.event)
    assert first.ok and not second.ok
    assert f"{timezone.localtime(Delegate.objects.get(pk=delegate.pk).checked_in_at):%H:%M}" in second.message


def test_unknown_codes_and_other_events_codes_are_refused(confirmed, make_event):
    token = confirmed.delegates.first().checkin_token
    assert not delegate_check_in(token="nonsense", event=confirmed.event).ok
    assert not delegate_check_in(token="", event=confirmed.event).ok
    assert not delegate_check_in(token=token, event=meeting_day(make_event(title="另一个会议"))).ok


def test_withdrawn_delegates_are_refused(confirmed):
    services.delegation_withdraw(delegation=confirmed, by=confirmed.submitted_by)
    result = delegate_check_in(token=confirmed.delegates.first().checkin_token, event=confirmed.event)
    assert not result.ok and Delegate.objects.filter(checked_in_at__isnull=False).count() == 0


def test_the_checkin_page_is_for_event_managers(client, confirmed, event_manager, make_officer):
    url = f"/events/{confirmed.event.pk}/checkin/"
    client.force_login(confirmed.submitted_by)
    assert client.get(url).status_code == 403
    client.force_login(event_manager)
    assert client.get(url).status_code == 200
    token = confirmed.delegates.first().checkin_token
    assert client.post(url, {"token": token}).status_code == 200
    again = client.post(url, {"token": token})
    assert again.status_code == 409 and "checkin__result--refused" in again.content.decode()
    assert client.post(url, {"token": "nonsense"}).status_code == 404


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL: set DATABASE_URL to run the concurrency tests"
)
def test_simultaneous_scans_of_one_code_record_one_check_in(make_event, make_officer):
    delegation = services.delegation_register(
        event=make_event(), officer=make_officer("nanning"), delegates=delegates(1), consent=True
    )
    token, event = delegation.delegates.get().checkin_token, meeting_day(delegation.event)
    barrier, results = threading.Barrier(20), []

    def scan():
        barrier.wait()
        results.append(delegate_check_in(token=token, event=event).ok)
        connections.close_all()

    threads = [threading.Thread(target=scan) for _ in range(20)]
    [t.start() for t in threads]
    [t.join(timeout=30) for t in threads]
    assert results.count(True) == 1


def test_reminders_are_sent_once(make_event, make_officer, mailoutbox, django_capture_on_commit_callbacks):
    event = make_event(
        starts_at=timezone.now() + datetime.timedelta(days=2),
        ends_at=timezone.now() + datetime.timedelta(days=3),
        reminder_days=3,
    )
    services.delegation_register(event=event, officer=make_officer("nanning"), delegates=delegates(1), consent=True)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders")
        call_command("send_event_reminders")
    assert len(mailoutbox) == 1
    assert Delegation.objects.get().reminder_sent_at is not None


def test_no_reminder_before_its_day(make_event, make_officer, mailoutbox):
    event = make_event(reminder_days=3)  # starts in 30 days
    services.delegation_register(event=event, officer=make_officer("nanning"), delegates=delegates(1), consent=True)
    mailoutbox.clear()
    call_command("send_event_reminders")
    assert mailoutbox == []


def test_purge_erases_contact_and_travel_details_but_keeps_counts(make_event, make_officer):
    event = make_event()
    people = [
        {**person, "mobile": "13800000000", "arrival_by": "G1234", "dietary_needs": "清真"} for person in delegates(2)
    ]
    services.delegation_register(event=event, officer=make_officer("nanning"), delegates=people, consent=True)
    event.starts_at = timezone.now() - datetime.timedelta(days=400)
    event.ends_at = timezone.now() - datetime.timedelta(days=399)
    event.save()
    call_command("purge_delegate_data", "--days", "180")
    assert set(Delegate.objects.values_list("mobile", "arrival_by", "dietary_needs")) == {("", "", "")}
    assert Delegation.objects.get().delegate_count == 2 and Delegate.objects.count() == 2


def test_purge_empties_the_free_texts_that_may_hold_numbers_and_reports_only_what_it_changed(
    make_event, make_officer, event_manager
):
    event = make_event(requires_approval=True)
    people = [{**person, "mobile": "13800000000"} for person in delegates(1)]
    delegation = services.delegation_register(
        event=event,
        officer=make_officer("nanning"),
        delegates=people,
        consent=True,
        remarks="联系人手机13907710000，身份证450102199001011234",
    )
    services.delegation_reject(delegation=delegation, by=event_manager, reason="请补充身份证号450102199001011234后重报")
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - datetime.timedelta(days=400), ends_at=timezone.now() - datetime.timedelta(days=399)
    )

    first = services.delegate_data_purge(days=180)
    assert (first.delegates, first.texts) == (1, 3)  # the remarks, and the reasons of "submitted" and of the refusal
    delegation.refresh_from_db()
    assert delegation.remarks == "" and delegation.state == Delegation.State.REJECTED
    assert set(DelegationTransition.objects.values_list("reason", flat=True)) == {""}
    assert DelegationTransition.objects.filter(to_state=Delegation.State.REJECTED).exists()  # states and times stay

    second = services.delegate_data_purge(days=180)
    assert (second.delegates, second.texts) == (0, 0)


def test_exports_are_staff_only_grouped_by_city_in_protocol_order_and_recorded(
    client, make_event, make_officer, event_manager
):
    import csv
    import io

    import openpyxl

    from core.models import ExportLog

    event = make_event()
    for slug in ("liuzhou", "nanning"):
        services.delegation_register(event=event, officer=make_officer(slug), delegates=delegates(2), consent=True)
    base = f"/admin/events/event/{event.pk}"
    client.force_login(make_officer("beihai").user)
    assert client.get(f"{base}/delegates.xlsx").status_code == 302  # not staff: to the admin sign-in
    client.force_login(event_manager)
    response = client.get(f"{base}/delegates.xlsx")
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert [(r[0], r[5]) for r in rows[1:]] == [("liuzhou市", 1), ("liuzhou市", 2), ("nanning市", 1), ("nanning市", 2)]
    text = client.get(f"{base}/delegates.csv").content.decode("utf-8-sig")
    assert len(list(csv.reader(io.StringIO(text)))) == 5
    for page in ("badges/", "sign-in-sheet/"):
        html = client.get(f"{base}/{page}").content.decode()
        assert html.count("代表0") == 2
    assert list(ExportLog.objects.values_list("user__username", "row_count")) == [("manager", 4)] * 4


@pytest.mark.parametrize(
    ("days_ahead", "opens"),
    [(120, False), (2, False), (1, True), (0, True), (-3, False)],  # four months ahead ... ended two days ago
)
def test_the_desk_opens_the_day_before_the_meeting_and_closes_at_its_end(
    client, event_manager, make_event, make_officer, days_ahead, opens
):
    delegation = services.delegation_register(
        event=make_event(), officer=make_officer("nanning"), delegates=delegates(1), consent=True
    )
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    start = today + datetime.timedelta(days=days_ahead, hours=10)
    Event.objects.filter(pk=delegation.event_id).update(starts_at=start, ends_at=start + datetime.timedelta(days=1))
    if days_ahead == 0:  # a meeting of today that has not ended
        Event.objects.filter(pk=delegation.event_id).update(ends_at=timezone.now() + datetime.timedelta(hours=1))
    client.force_login(event_manager)
    token = delegation.delegates.get().checkin_token

    response = client.post(f"/events/{delegation.event_id}/checkin/", {"token": token})

    assert response.status_code == (200 if opens else 409)
    assert Delegate.objects.filter(checked_in_at__isnull=False).exists() is opens
