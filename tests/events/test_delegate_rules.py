"""The delegate rules (events/rules.py) hold wherever delegates are written: the officer's form, the admin, the
services, and the database for "one head"."""

import pytest
from django.db import IntegrityError, transaction

from events import services
from events.contributions import EVENT_MANAGERS
from events.models import Delegate
from tests.events.conftest import delegates
from tests.events.test_pages import form_data
from tests.factories import StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered(make_event, make_officer):
    return services.delegation_register(
        event=make_event(), officer=make_officer("nanning"), delegates=delegates(2), consent=True
    )


def admin_form(delegation, heads):
    data = {
        "remarks": "",
        "delegates-TOTAL_FORMS": "2",
        "delegates-INITIAL_FORMS": "2",
        "transitions-TOTAL_FORMS": "0",
        "transitions-INITIAL_FORMS": str(delegation.transitions.count()),
    }
    for n, person in enumerate(delegation.delegates.all()):
        data.update(
            {
                f"delegates-{n}-id": person.pk,
                f"delegates-{n}-delegation": delegation.pk,
                f"delegates-{n}-name": person.name,
                f"delegates-{n}-gender": person.gender,
                f"delegates-{n}-position": person.position,
                f"delegates-{n}-rank": person.rank,
                f"delegates-{n}-accommodation": person.accommodation,
            }
        )
        if n in heads:
            data[f"delegates-{n}-is_head"] = "on"
    for n, transition in enumerate(delegation.transitions.all()):
        data[f"transitions-{n}-id"] = transition.pk
        data[f"transitions-{n}-delegation"] = delegation.pk
    data["transitions-TOTAL_FORMS"] = str(delegation.transitions.count())
    return data


@pytest.mark.parametrize("heads", [[], [0, 1]], ids=["no head", "two heads"])
def test_staff_cannot_save_a_delegation_without_exactly_one_head(client, registered, heads):
    client.force_login(StaffUserFactory(groups=[EVENT_MANAGERS]))
    response = client.post(f"/admin/events/delegation/{registered.pk}/change/", admin_form(registered, heads))
    assert response.status_code == 200 and "团长" in response.content.decode()
    assert Delegate.objects.filter(delegation=registered, is_head=True).count() == 1


def test_staff_may_name_another_head(client, registered):
    client.force_login(StaffUserFactory(groups=[EVENT_MANAGERS]))
    response = client.post(f"/admin/events/delegation/{registered.pk}/change/", admin_form(registered, [1]))
    assert response.status_code == 302
    assert Delegate.objects.get(delegation=registered, is_head=True).name == "代表1"


def test_an_empty_registration_says_to_add_a_delegate(client, make_event, make_officer):
    event, officer = make_event(), make_officer("nanning")
    client.force_login(officer.user)
    response = client.post(f"/portal/events/{event.pk}/delegation/", form_data([]))
    assert response.status_code == 400
    assert "请至少填写一名代表" in response.content.decode() and "个表单" not in response.content.decode()


def test_the_database_keeps_one_head(registered):
    with pytest.raises(IntegrityError), transaction.atomic():
        Delegate.objects.filter(delegation=registered).update(is_head=True)


def test_two_delegates_with_one_protocol_rank_are_refused_with_a_clear_message(make_event):
    from events.rules import delegate_problems

    people = [
        {"name": "甲", "rank": 1, "is_head": True},
        {"name": "乙", "rank": 2},
        {"name": "丙", "rank": 2},
    ]

    [problem] = delegate_problems(make_event(per_city_limit=5), people)

    assert "(2)" in problem or "（2）" in problem
    assert delegate_problems(make_event(per_city_limit=5), [*people[:2], {**people[2], "rank": 3}]) == []
