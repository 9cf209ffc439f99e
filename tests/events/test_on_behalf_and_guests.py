"""The secretariat registers, changes and withdraws a city's delegation from the admin through the same services;
guest delegations (not member cities) register through a personal link, count against capacity and appear with
their organisation and country everywhere."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.models import OutgoingEmail
from events import services
from events.checkin import delegate_check_in
from events.contributions import EVENT_MANAGERS
from events.exports import delegates_for
from events.models import Delegation, GuestInvitation
from tests.events.conftest import delegates, meeting_day
from tests.events.test_pages import form_data
from tests.factories import StaffUserFactory

pytestmark = pytest.mark.django_db

State = Delegation.State


@pytest.fixture
def manager():
    return StaffUserFactory(username="meetings", groups=[EVENT_MANAGERS])


def on_behalf_data(event, city, people, consent=True):
    return {"event": event.pk, "city": city.pk, **form_data(people, consent=consent)}


def test_staff_register_a_citys_delegation_given_by_telephone(client, manager, make_event, make_officer):
    event, officer = make_event(), make_officer("nanning")
    client.force_login(manager)
    assert client.get("/admin/events/delegation/register/").status_code == 200
    response = client.post("/admin/events/delegation/register/", on_behalf_data(event, officer.city, delegates(2)))
    assert response.status_code == 302, response.content.decode()[-1500:]
    delegation = Delegation.objects.get()
    assert (delegation.city, delegation.submitted_by, delegation.state) == (officer.city, manager, State.CONFIRMED)
    assert delegation.transitions.first().reason == "秘书处代城市报名"
    assert any(officer.email in mail.to for mail in OutgoingEmail.objects.filter(kind="delegation"))


def test_staff_on_behalf_follow_the_same_rules_and_capacity(client, manager, make_event, make_officer):
    event = make_event(capacity=3, waiting_list=False)
    services.delegation_register(event=event, officer=make_officer("liuzhou"), delegates=delegates(2), consent=True)
    client.force_login(manager)
    too_many = client.post(
        "/admin/events/delegation/register/", on_behalf_data(event, make_officer("nanning").city, delegates(2))
    )
    assert too_many.status_code == 400 and "会议名额已满" in too_many.content.decode()
    two_heads = [{**person, "is_head": True} for person in delegates(2)]
    refused = client.post(
        "/admin/events/delegation/register/", on_behalf_data(event, make_officer("beihai").city, two_heads)
    )
    assert refused.status_code == 400 and "团长" in refused.content.decode()
    assert Delegation.objects.count() == 1


def test_staff_change_a_delegation_after_the_deadline_and_withdraw_it(client, manager, make_event, make_officer):
    event = make_event()
    delegation = services.delegation_register(
        event=event, officer=make_officer("nanning"), delegates=delegates(1), consent=True
    )
    type(event).objects.filter(pk=event.pk).update(edit_deadline=timezone.now() - datetime.timedelta(hours=1))
    client.force_login(manager)
    url = f"/admin/events/delegation/{delegation.pk}/delegates/"
    assert client.get(url).status_code == 200
    response = client.post(url, form_data(delegates(3), consent=False, remarks="电话更正"))
    assert response.status_code == 302
    delegation.refresh_from_db()
    assert delegation.delegate_count == 3 and delegation.remarks == "电话更正"

    response = client.post(
        "/admin/events/delegation/",
        {"action": "withdraw", "_selected_action": [delegation.pk], "reason": "5月12日来电取消", "confirm": "1"},
    )
    assert response.status_code == 302
    delegation.refresh_from_db()
    assert delegation.state == State.WITHDRAWN and delegation.transitions.last().by == manager


def test_officers_cannot_reach_the_on_behalf_pages(client, make_officer):
    client.force_login(make_officer("nanning").user)
    assert client.get("/admin/events/delegation/register/").status_code == 302  # to the admin's sign-in


@pytest.fixture
def invitation(make_event, manager):
    return GuestInvitation.objects.create(
        event=make_event(capacity=4),
        organisation="Vientiane Capital",
        country="Laos",
        contact_name="Somchai",
        email="somchai@vientiane.example.la",
        language="en",
        expires_at=timezone.now() + datetime.timedelta(days=10),
        created_by=manager,
    )


def test_staff_send_the_personal_link_in_the_guests_language(client, manager, invitation):
    client.force_login(manager)
    response = client.post(
        "/admin/events/guestinvitation/", {"action": "send_link", "_selected_action": [invitation.pk]}
    )
    assert response.status_code == 302
    mail = OutgoingEmail.objects.get(kind="guest")
    assert mail.language == "en" and f"/en/guests/{invitation.token}/" in mail.body and "Invitation" in mail.subject
    assert mail.body.count("http") >= 1  # an absolute link a mail program can open


def test_a_guest_registers_through_the_link_in_english_without_an_account(client, invitation):
    page = client.get(f"/en/guests/{invitation.token}/")
    assert (
        page.status_code == 200
        and "Vientiane Capital" in page.content.decode()
        and '<html lang="en"' in page.content.decode()
    )
    assert page["X-Robots-Tag"] == "noindex"
    response = client.post(f"/en/guests/{invitation.token}/", form_data(delegates(2)))
    assert response.status_code == 302
    delegation = Delegation.objects.get()
    assert (delegation.guest, delegation.city, delegation.submitted_by, delegation.state) == (
        invitation,
        None,
        None,
        State.CONFIRMED,
    )
    assert any("somchai@vientiane.example.la" in mail.to for mail in OutgoingEmail.objects.filter(kind="guest"))

    again = client.get(f"/en/guests/{invitation.token}/").content.decode()
    assert "Confirmed" in again and "Change the registration" in again  # the same link shows the registration
    assert "Save the changes" in client.get(f"/en/guests/{invitation.token}/?edit=1").content.decode()  # and changes it


def test_guests_count_against_capacity_and_appear_with_their_organisation_everywhere(invitation, make_officer):
    guest = services.delegation_register_guest(invitation=invitation, delegates=delegates(3), consent=True)
    city = services.delegation_register(
        event=invitation.event, officer=make_officer("nanning"), delegates=delegates(2), consent=True
    )
    assert (guest.state, city.state) == (State.CONFIRMED, State.WAITLISTED)  # 3 + 2 > 4 seats
    assert [d.delegation.party_name for d in delegates_for(invitation.event)] == ["Vientiane Capital（Laos）"] * 3
    result = delegate_check_in(token=guest.delegates.first().checkin_token, event=meeting_day(invitation.event))
    assert result.ok and "Vientiane Capital" in result.message


def test_a_link_works_once_and_not_after_it_expires(client, invitation):
    services.delegation_register_guest(invitation=invitation, delegates=delegates(1), consent=True)
    with pytest.raises(ValidationError):
        services.delegation_register_guest(invitation=invitation, delegates=delegates(1), consent=True)
    GuestInvitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    assert client.get(f"/en/guests/{invitation.token}/").status_code == 410
    assert client.get("/en/guests/no-such-token/").status_code == 404


def test_a_guest_withdraws_with_the_link(client, invitation):
    services.delegation_register_guest(invitation=invitation, delegates=delegates(1), consent=True)
    response = client.post(f"/en/guests/{invitation.token}/", {"withdraw": "1"})
    assert response.status_code == 302 and Delegation.objects.get().state == State.WITHDRAWN


def test_a_guest_who_withdrew_registers_again_with_the_same_link_until_it_expires(client, manager, invitation):
    services.delegation_register_guest(invitation=invitation, delegates=delegates(1), consent=True)
    withdrawn = client.post(f"/en/guests/{invitation.token}/", {"withdraw": "1"}, follow=True).content.decode()

    again = client.post(f"/en/guests/{invitation.token}/", form_data(delegates(2)))

    assert "has been withdrawn" in withdrawn and 'name="consent"' in withdrawn  # a new registration's form
    assert again.status_code == 302
    assert sorted(Delegation.objects.values_list("state", "delegate_count")) == [
        (State.CONFIRMED, 2),
        (State.WITHDRAWN, 1),
    ]
    with pytest.raises(ValidationError):  # one active delegation a link
        services.delegation_register_guest(invitation=invitation, delegates=delegates(1), consent=True)
    client.force_login(manager)
    listing = client.get("/admin/events/guestinvitation/").content.decode()
    assert "已确认" in listing  # the latest registration's state

    Delegation.objects.filter(state=State.CONFIRMED).update(state=State.WITHDRAWN)
    GuestInvitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    assert client.post(f"/en/guests/{invitation.token}/", form_data(delegates(1))).status_code == 410


def test_the_bare_link_opens_the_guest_page_in_the_invitation_s_language(client, invitation):
    bare = f"/guests/{invitation.token}/"
    response = client.get(bare)  # a forwarded mail, or the address typed without its /en/
    assert response.status_code == 302 and response["Location"] == f"/en/guests/{invitation.token}/"
    english = client.get(response["Location"])
    assert english.status_code == 200 and '<html lang="en"' in english.content.decode()
    chosen = client.get(bare, headers={"referer": f"http://testserver/en/guests/{invitation.token}/"})
    assert chosen.status_code == 200 and '<html lang="zh-Hans"' in chosen.content.decode()  # chose 简 on the page


def test_a_chinese_invitation_s_bare_link_stays_chinese(client, invitation):
    GuestInvitation.objects.filter(pk=invitation.pk).update(language="zh-hans")
    response = client.get(f"/guests/{invitation.token}/")
    assert response.status_code == 200 and '<html lang="zh-Hans"' in response.content.decode()
