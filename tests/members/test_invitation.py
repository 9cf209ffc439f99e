"""Invitations: staff send a one-time link to set a password; it works once and expires. Password reset too."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.tokens import default_token_generator
from django.test import TestCase
from django.urls import reverse

from core.commit import OnceOnCommit
from members.models import LiaisonOfficer
from tests.factories import PASSWORD
from tests.members.conftest import link_in

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/members/liaisonofficer/"
NEW_PASSWORD = "Lianluo-2025-beihai"


def run_action(client, action, *officers):
    return client.post(CHANGELIST, {"action": action, "_selected_action": [o.pk for o in officers], "index": 0})


@pytest.fixture
def invite(client, membership_manager, django_capture_on_commit_callbacks):
    """Send the invitation from the admin changelist as a membership manager; the e-mail goes out on commit."""

    def send(*officers):
        client.force_login(membership_manager)
        with django_capture_on_commit_callbacks(execute=True):
            response = run_action(client, "send_invitation", *officers)
        client.logout()
        return response

    return send


@pytest.fixture
def invited(officer):
    """An officer as staff create them: an account without a usable password."""
    officer.user.set_unusable_password()
    officer.user.save()
    return officer


def test_the_invitation_action_sends_one_email_with_a_one_time_link(invite, invited, mailoutbox):
    response = invite(invited)

    assert response.status_code == 302
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["linhaibo@beihai.example.cn"]
    assert link_in(message).startswith("/accounts/invitation/")
    assert "linhaibo" in message.body  # the user name they can sign in with
    invited.refresh_from_db()
    assert invited.invited_at is not None


def test_no_email_leaves_before_the_transaction_commits(
    client, membership_manager, invited, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(membership_manager)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        run_action(client, "send_invitation", invited)

    assert mailoutbox == []
    deliveries = [callback for callback in callbacks if not isinstance(callback, OnceOnCommit)]  # caches
    assert len(deliveries) == 1  # the e-mail's delivery, queued for after the commit


def test_an_officer_whose_appointment_ended_is_not_invited(invite, invited, mailoutbox):
    invited.ended_on = invited.appointed_on
    invited.save()

    invite(invited)

    assert mailoutbox == []


def test_several_officers_get_one_email_each(invite, invited, other_officer, mailoutbox):
    invite(invited, other_officer)

    assert sorted(message.to[0] for message in mailoutbox) == [other_officer.email, invited.email]
    assert link_in(mailoutbox[0]) != link_in(mailoutbox[1])


@pytest.mark.parametrize("staff", ["news_editor", "staff_user"])
def test_staff_without_the_members_permissions_cannot_send_invitations(client, request, invited, staff, mailoutbox):
    client.force_login(request.getfixturevalue(staff))

    response = run_action(client, "send_invitation", invited)

    assert response.status_code == 403
    assert mailoutbox == []


def test_the_invitation_link_shows_a_form_to_set_a_password(client, invite, invited, mailoutbox):
    invite(invited)

    response = client.get(link_in(mailoutbox[0]), follow=True)

    assert response.status_code == 200
    assert response.context["validlink"] is True
    assert set(response.context["form"].fields) == {"new_password1", "new_password2"}
    assert response.redirect_chain[-1][0].endswith("/set-password/")


def test_setting_the_password_signs_the_officer_in_and_opens_the_portal(client, invite, invited, mailoutbox):
    invite(invited)
    form_url = client.get(link_in(mailoutbox[0]))["Location"]

    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/portal/"
    assert client.session[SESSION_KEY] == str(invited.user.pk)
    assert client.get("/portal/").context["city"] == invited.city
    invited.user.refresh_from_db()
    assert invited.user.check_password(NEW_PASSWORD)


def test_mismatched_passwords_are_refused_and_the_link_still_works(client, invite, invited, mailoutbox):
    invite(invited)
    form_url = client.get(link_in(mailoutbox[0]))["Location"]

    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD + "x"})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert SESSION_KEY not in client.session
    invited.user.refresh_from_db()
    assert not invited.user.has_usable_password()


def test_the_link_works_only_once(client, invite, invited, mailoutbox, django_user_model):
    invite(invited)
    link = link_in(mailoutbox[0])
    form_url = client.get(link)["Location"]
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    client.logout()

    response = client.get(link, follow=True)

    assert response.status_code == 200
    assert response.context["validlink"] is False
    assert response.context["form"] is None
    assert 'name="new_password1"' not in response.content.decode()
    client.post(link, {"new_password1": "another pass 1234", "new_password2": "another pass 1234"})
    assert SESSION_KEY not in client.session
    assert django_user_model.objects.get(pk=invited.user.pk).check_password(NEW_PASSWORD)


def fast_forward(monkeypatch, seconds):
    later = datetime.datetime.now() + datetime.timedelta(seconds=seconds)
    monkeypatch.setattr(default_token_generator, "_now", lambda: later)


def test_the_link_still_works_just_before_it_expires(client, invite, invited, mailoutbox, monkeypatch):
    invite(invited)
    fast_forward(monkeypatch, settings.PASSWORD_RESET_TIMEOUT - 60)

    assert client.get(link_in(mailoutbox[0]), follow=True).context["validlink"] is True


def test_a_link_older_than_the_timeout_no_longer_works(client, invite, invited, mailoutbox, monkeypatch):
    invite(invited)
    fast_forward(monkeypatch, settings.PASSWORD_RESET_TIMEOUT + 60)

    response = client.get(link_in(mailoutbox[0]), follow=True)

    assert response.status_code == 200
    assert response.context["validlink"] is False
    assert 'name="new_password1"' not in response.content.decode()


def test_invitation_and_reset_links_last_three_days():
    assert settings.PASSWORD_RESET_TIMEOUT == 3 * 24 * 3600


def test_a_tampered_link_is_invalid(client, invite, invited, mailoutbox):
    invite(invited)
    link = link_in(mailoutbox[0])

    response = client.get(link[:-2] + ("a/" if link[-2] != "a" else "b/"), follow=True)

    assert response.context["validlink"] is False


def test_once_one_of_two_invitations_is_used_the_other_link_no_longer_works(client, invite, invited, mailoutbox):
    invite(invited)
    invite(invited)
    first, second = (link_in(message) for message in mailoutbox)
    form_url = client.get(second)["Location"]
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    client.logout()

    assert client.get(first, follow=True).context["validlink"] is False


capture_on_commit_callbacks = TestCase.captureOnCommitCallbacks


def reset_link(client, email, mailoutbox):
    with capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password/reset/", {"email": email})
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    return link_in(mailoutbox[-1]) if mailoutbox else None


def test_password_reset_by_email_works_end_to_end(client, officer, mailoutbox):
    link = reset_link(client, "LinHaiBo@beihai.example.cn", mailoutbox)

    assert len(mailoutbox) == 1 and mailoutbox[0].to == [officer.email]
    assert link.startswith("/accounts/password/reset/")
    form_url = client.get(link)["Location"]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_complete")
    assert client.get(link, follow=True).context["validlink"] is False

    assert client.post("/accounts/login/", {"username": "linhaibo", "password": PASSWORD}).status_code == 200
    response = client.post("/accounts/login/", {"username": officer.email, "password": NEW_PASSWORD})
    assert response["Location"] == "/portal/"


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client, officer, mailoutbox):
    assert reset_link(client, "nobody@example.cn", mailoutbox) is None
    assert mailoutbox == []


def test_an_officer_whose_invitation_expired_can_get_a_new_link_by_password_reset(client, invite, invited, mailoutbox):
    """The expired-invitation page sends them to "reset your password": that must reach them."""
    invite(invited)
    mailoutbox.clear()

    link = reset_link(client, invited.email, mailoutbox)

    assert link is not None, "no reset e-mail for an invited officer who has not chosen a password yet"


def test_an_ended_officer_cannot_sign_in_even_after_resetting_the_password(client, officer, mailoutbox):
    LiaisonOfficer.objects.filter(pk=officer.pk).update(is_active=False)
    form_url = client.get(reset_link(client, officer.email, mailoutbox))["Location"]
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    response = client.post("/accounts/login/", {"username": officer.email, "password": NEW_PASSWORD})

    assert response.status_code == 200
    assert SESSION_KEY not in client.session


def test_an_officer_changes_their_password_from_the_portal(client, officer):
    client.force_login(officer.user)

    response = client.post(
        "/accounts/password/change/",
        {
            "old_password": PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )

    assert response.status_code == 302
    officer.user.refresh_from_db()
    assert officer.user.check_password(NEW_PASSWORD)
    assert client.get("/portal/").status_code == 200  # the session survives the change


def test_an_officer_created_in_the_admin_gets_an_account_and_can_be_invited(
    client, membership_manager, city, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(membership_manager)
    response = client.post(
        "/admin/members/liaisonofficer/add/",
        {
            "city": city.pk,
            "name": "周文斌",
            "position": "市人民政府副秘书长",
            "office_phone": "0779-3030 303",
            "mobile": "13877900000",
            "email": "zhouwenbin@beihai.example.cn",
            "is_primary": "on",
            "appointed_on": "2025-01-02",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    created = LiaisonOfficer.objects.get(email="zhouwenbin@beihai.example.cn")
    assert created.user.email == created.email and not created.user.is_staff
    assert not created.user.has_usable_password()

    with django_capture_on_commit_callbacks(execute=True):
        run_action(client, "send_invitation", created)

    assert [message.to for message in mailoutbox] == [["zhouwenbin@beihai.example.cn"]]


def test_the_admin_refuses_a_second_current_primary_officer_for_a_city(client, membership_manager, officer):
    client.force_login(membership_manager)
    response = client.post(
        "/admin/members/liaisonofficer/add/",
        {
            "city": officer.city.pk,
            "name": "第二人",
            "position": "副秘书长",
            "email": "second@beihai.example.cn",
            "is_primary": "on",
            "appointed_on": "2025-01-02",
            "is_active": "on",
        },
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert LiaisonOfficer.objects.count() == 1
