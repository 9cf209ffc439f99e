import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from events import services
from events.models import Delegation, DelegationTransition
from tests.events.conftest import delegates

State = Delegation.State


def test_without_approval_a_delegation_that_fits_is_confirmed(make_event, make_officer):
    delegation = services.delegation_register(
        event=make_event(), officer=make_officer("nanning"), delegates=delegates(3), consent=True
    )
    assert delegation.state == State.CONFIRMED
    assert delegation.delegate_count == 3
    assert list(delegation.transitions.values_list("from_state", "to_state")) == [
        ("", "pending"),
        ("pending", "confirmed"),
    ]


def test_with_approval_a_delegation_waits_for_staff(make_event, make_officer):
    delegation = services.delegation_register(
        event=make_event(requires_approval=True), officer=make_officer("nanning"), delegates=delegates(2), consent=True
    )
    assert delegation.state == State.PENDING


def test_capacity_is_counted_in_delegates_at_the_edge(make_event, make_officer):
    event = make_event(capacity=5)
    first = services.delegation_register(event=event, officer=make_officer("a"), delegates=delegates(3), consent=True)
    exact = services.delegation_register(event=event, officer=make_officer("b"), delegates=delegates(2), consent=True)
    over = services.delegation_register(event=event, officer=make_officer("c"), delegates=delegates(1), consent=True)
    assert [first.state, exact.state, over.state] == [State.CONFIRMED, State.CONFIRMED, State.WAITLISTED]


def test_a_full_event_without_waiting_list_refuses_and_stores_nothing(make_event, make_officer):
    event = make_event(capacity=2, waiting_list=False)
    services.delegation_register(event=event, officer=make_officer("a"), delegates=delegates(2), consent=True)
    with pytest.raises(ValidationError):
        services.delegation_register(event=event, officer=make_officer("b"), delegates=delegates(1), consent=True)
    assert Delegation.objects.count() == 1


def test_the_per_city_limit_is_enforced(make_event, make_officer):
    with pytest.raises(ValidationError):
        services.delegation_register(
            event=make_event(per_city_limit=2), officer=make_officer("a"), delegates=delegates(3), consent=True
        )
    assert not Delegation.objects.exists()


@pytest.mark.parametrize("problem", ["no consent", "no delegates", "two heads", "closed"])
def test_bad_registrations_are_refused(make_event, make_officer, problem):
    now = timezone.now()
    event = (
        make_event(registration_closes_at=now - datetime.timedelta(hours=1)) if problem == "closed" else make_event()
    )
    people = {"no delegates": [], "two heads": delegates(2, head=0) + delegates(1, head=0)}.get(problem, delegates(1))
    with pytest.raises(ValidationError):
        services.delegation_register(
            event=event, officer=make_officer("a"), delegates=people, consent=problem != "no consent"
        )
    assert not Delegation.objects.exists()


def test_one_active_delegation_per_city(make_event, make_officer):
    event, officer = make_event(), make_officer("a")
    services.delegation_register(event=event, officer=officer, delegates=delegates(1), consent=True)
    with pytest.raises(ValidationError):
        services.delegation_register(event=event, officer=officer, delegates=delegates(1), consent=True)
    assert Delegation.objects.count() == 1


def test_withdrawal_frees_seats_for_the_waiting_list_first_in_first_out(make_event, make_officer):
    event = make_event(capacity=3)
    confirmed = services.delegation_register(
        event=event, officer=make_officer("a"), delegates=delegates(3), consent=True
    )
    first = services.delegation_register(event=event, officer=make_officer("b"), delegates=delegates(2), consent=True)
    second = services.delegation_register(event=event, officer=make_officer("c"), delegates=delegates(1), consent=True)
    services.delegation_withdraw(delegation=confirmed, by=confirmed.submitted_by)
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.state, second.state) == (State.CONFIRMED, State.CONFIRMED)


def test_the_waiting_list_does_not_let_a_later_small_delegation_jump_the_queue(make_event, make_officer):
    event = make_event(capacity=3)
    confirmed = services.delegation_register(
        event=event, officer=make_officer("a"), delegates=delegates(2), consent=True
    )
    big = services.delegation_register(event=event, officer=make_officer("b"), delegates=delegates(3), consent=True)
    small = services.delegation_register(event=event, officer=make_officer("c"), delegates=delegates(2), consent=True)
    services.delegation_change(delegation=confirmed, officer=confirmed.city.officers.get(), delegates=delegates(1))
    big.refresh_from_db(), small.refresh_from_db()
    assert (big.state, small.state) == (State.WAITLISTED, State.WAITLISTED)


def test_while_anyone_waits_a_new_registration_queues_behind_them_even_when_it_would_fit(make_event, make_officer):
    event = make_event(capacity=4)
    services.delegation_register(event=event, officer=make_officer("a"), delegates=delegates(3), consent=True)
    waiting = services.delegation_register(event=event, officer=make_officer("b"), delegates=delegates(2), consent=True)
    later = services.delegation_register(event=event, officer=make_officer("c"), delegates=delegates(1), consent=True)
    assert (waiting.state, later.state) == (State.WAITLISTED, State.WAITLISTED)  # one seat is free, but b was first
    assert list(Delegation.objects.filter(event=event).waiting()) == [waiting, later]


def test_growing_a_confirmed_delegation_rechecks_capacity(make_event, make_officer):
    event = make_event(capacity=4)
    officer = make_officer("a")
    delegation = services.delegation_register(event=event, officer=officer, delegates=delegates(2), consent=True)
    services.delegation_register(event=event, officer=make_officer("b"), delegates=delegates(2), consent=True)
    with pytest.raises(ValidationError):
        services.delegation_change(delegation=delegation, officer=officer, delegates=delegates(3))
    delegation.refresh_from_db()
    assert (delegation.delegate_count, delegation.delegates.count()) == (2, 2)


def test_changes_close_at_the_edit_deadline(make_event, make_officer):
    event = make_event(edit_deadline=timezone.now() + datetime.timedelta(hours=1))
    officer = make_officer("a")
    delegation = services.delegation_register(event=event, officer=officer, delegates=delegates(1), consent=True)
    event.edit_deadline = timezone.now() - datetime.timedelta(minutes=1)
    event.save()
    with pytest.raises(ValidationError):
        services.delegation_change(delegation=delegation, officer=officer, delegates=delegates(2))
    with pytest.raises(ValidationError):
        services.delegation_withdraw(delegation=delegation, by=officer.user)


def test_an_officer_of_another_city_cannot_change_or_withdraw(make_event, make_officer):
    event = make_event()
    delegation = services.delegation_register(
        event=event, officer=make_officer("a"), delegates=delegates(1), consent=True
    )
    intruder = make_officer("b")
    with pytest.raises(PermissionDenied):
        services.delegation_change(delegation=delegation, officer=intruder, delegates=delegates(2))
    with pytest.raises(PermissionDenied):
        services.delegation_withdraw(delegation=delegation, by=intruder.user)


def test_staff_decide_pending_delegations_and_every_change_is_recorded(make_event, make_officer, event_manager):
    event = make_event(requires_approval=True, capacity=3)
    a = services.delegation_register(event=event, officer=make_officer("a"), delegates=delegates(2), consent=True)
    b = services.delegation_register(event=event, officer=make_officer("b"), delegates=delegates(2), consent=True)
    c = services.delegation_register(event=event, officer=make_officer("c"), delegates=delegates(1), consent=True)
    services.delegation_confirm(delegation=a, by=event_manager)
    with pytest.raises(ValidationError):
        services.delegation_confirm(delegation=b, by=event_manager)  # would exceed the capacity
    services.delegation_waitlist(delegation=b, by=event_manager)
    with pytest.raises(ValidationError):
        services.delegation_reject(delegation=c, by=event_manager, reason=" ")
    services.delegation_reject(delegation=c, by=event_manager, reason="名额已满")
    last = DelegationTransition.objects.filter(delegation=c).last()
    assert (last.from_state, last.to_state, last.by, last.reason) == ("pending", "rejected", event_manager, "名额已满")


def test_an_officer_cannot_decide(make_event, make_officer):
    officer = make_officer("a")
    delegation = services.delegation_register(
        event=make_event(requires_approval=True), officer=officer, delegates=delegates(1), consent=True
    )
    with pytest.raises(PermissionDenied):
        services.delegation_confirm(delegation=delegation, by=officer.user)


@pytest.mark.parametrize("end_state", ["rejected", "withdrawn"])
def test_ended_delegations_cannot_come_back(make_event, make_officer, event_manager, end_state):
    delegation = services.delegation_register(
        event=make_event(requires_approval=True), officer=make_officer("a"), delegates=delegates(1), consent=True
    )
    if end_state == "rejected":
        services.delegation_reject(delegation=delegation, by=event_manager, reason="不符合条件")
    else:
        services.delegation_withdraw(delegation=delegation, by=event_manager)
    for service in (services.delegation_confirm, services.delegation_waitlist):
        with pytest.raises(ValidationError):
            service(delegation=delegation, by=event_manager)


def test_notices_are_sent_after_commit_to_the_citys_officers(
    make_event, make_officer, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        services.delegation_register(
            event=make_event(), officer=make_officer("a"), delegates=delegates(1), consent=True
        )
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["a@example.cn"]


def test_confirming_ahead_of_the_waiting_list_needs_the_overtaking_said_and_records_it(
    make_event, make_officer, event_manager
):
    event = make_event(requires_approval=True, capacity=10)
    first = services.delegation_register(event=event, officer=make_officer("a"), delegates=delegates(2), consent=True)
    later = services.delegation_register(event=event, officer=make_officer("b"), delegates=delegates(2), consent=True)
    services.delegation_waitlist(delegation=first, by=event_manager)

    with pytest.raises(services.Overtaking) as refused:
        services.delegation_confirm(delegation=later, by=event_manager)
    assert Delegation.objects.get(pk=later.pk).state == "pending" and refused.value.ahead == [first]
    assert "a市" in refused.value.messages[0]

    services.delegation_confirm(delegation=later, by=event_manager, overtaking=True)
    step = DelegationTransition.objects.filter(delegation=later).last()
    assert (step.to_state, step.by) == ("confirmed", event_manager) and "a市" in step.reason
    services.delegation_confirm(delegation=first, by=event_manager)  # the head of the list overtakes nobody


def test_the_admin_asks_before_confirming_ahead_of_the_waiting_list(client, make_event, make_officer, event_manager):
    event = make_event(requires_approval=True, capacity=10)
    first = services.delegation_register(event=event, officer=make_officer("a"), delegates=delegates(2), consent=True)
    later = services.delegation_register(event=event, officer=make_officer("b"), delegates=delegates(2), consent=True)
    services.delegation_waitlist(delegation=first, by=event_manager)
    client.force_login(event_manager)
    chosen = {"action": "confirm", "_selected_action": [later.pk]}

    asked = client.post("/admin/events/delegation/", chosen)
    assert asked.status_code == 200 and "a市" in asked.content.decode() and 'name="overtake"' in asked.content.decode()
    assert Delegation.objects.get(pk=later.pk).state == "pending"

    done = client.post("/admin/events/delegation/", {**chosen, "overtake": "1"})
    assert done.status_code == 302 and Delegation.objects.get(pk=later.pk).state == "confirmed"
