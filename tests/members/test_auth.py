"""Signing in: officers by username or e-mail, only while their appointment lasts; staff to the back office."""

import datetime

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse
from django.utils import timezone

from members import services
from members.models import LiaisonOfficer
from tests.factories import (
    PASSWORD,
    LiaisonOfficerFactory,
    StaffUserFactory,
    SuperUserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def sign_in(client, username, password=PASSWORD, **extra):
    return client.post(LOGIN, {"username": username, "password": password, **extra})


def signed_in_user_id(client):
    return client.session.get(SESSION_KEY)


def test_an_officer_signs_in_with_their_username_and_lands_on_the_portal(client, officer):
    response = sign_in(client, "linhaibo")

    assert response.status_code == 302
    assert response["Location"] == "/portal/"
    assert signed_in_user_id(client) == str(officer.user.pk)
    assert client.get("/portal/").status_code == 200


@pytest.mark.parametrize("login", ["linhaibo@beihai.example.cn", "LinHaiBo@Beihai.Example.CN"])
def test_an_officer_signs_in_with_their_email_address_in_any_case(client, officer, login):
    response = sign_in(client, login)

    assert response.status_code == 302
    assert response["Location"] == "/portal/"
    assert signed_in_user_id(client) == str(officer.user.pk)


def test_a_wrong_password_signs_nobody_in(client, officer):
    response = sign_in(client, "linhaibo@beihai.example.cn", "not the password")

    assert response.status_code == 200
    assert response.context["form"].errors
    assert signed_in_user_id(client) is None


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"ended_on": 0}, id="ended today"),
        pytest.param({"ended_on": -1}, id="ended yesterday"),
        pytest.param({"ended_on": -400}, id="ended last year"),
        pytest.param({"is_active": False}, id="deactivated"),
    ],
)
@pytest.mark.parametrize("login", ["linhaibo", "linhaibo@beihai.example.cn"])
def test_an_officer_whose_appointment_ended_cannot_sign_in(client, officer, change, login):
    if "ended_on" in change:
        officer.ended_on = timezone.localdate() + datetime.timedelta(days=change["ended_on"])
        officer.appointed_on = officer.ended_on - datetime.timedelta(days=30)
    else:
        officer.is_active = False
    officer.save()

    response = sign_in(client, login)

    assert response.status_code == 200
    assert response.context["form"].errors
    assert signed_in_user_id(client) is None
    assert client.get("/portal/").status_code == 302


def test_an_officer_whose_appointment_ends_tomorrow_can_still_sign_in(client, officer):
    officer.ended_on = timezone.localdate() + datetime.timedelta(days=1)
    officer.save()

    assert sign_in(client, "linhaibo")["Location"] == "/portal/"


def test_an_account_with_an_ended_and_a_current_appointment_signs_in(client, officer, other_city):
    officer.ended_on = timezone.localdate()
    officer.appointed_on = datetime.date(2020, 1, 1)
    officer.save()
    LiaisonOfficerFactory(user=officer.user, city=other_city, email=officer.email)

    assert sign_in(client, "linhaibo")["Location"] == "/portal/"
    assert client.get("/portal/").context["city"] == other_city


@pytest.mark.parametrize("change", [{"ended_on": 0}, {"ended_on": -3}, {"is_active": False}])
def test_an_open_session_stops_working_once_the_appointment_ends(client, officer, change):
    client.force_login(officer.user)
    assert client.get("/portal/").status_code == 200

    if "ended_on" in change:
        officer.ended_on = timezone.localdate() + datetime.timedelta(days=change["ended_on"])
    else:
        officer.is_active = False
    officer.save()
    response = client.get("/portal/")

    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next=/portal/"
    assert client.get("/").wsgi_request.user.is_anonymous


def test_a_staff_user_with_no_officer_record_signs_in_to_the_back_office(client):
    staff = StaffUserFactory(username="secretariat", email="office@secretariat.example.cn")

    response = sign_in(client, "secretariat")

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert signed_in_user_id(client) == str(staff.pk)
    # The password is the first of two steps (tests/members/test_two_factor.py has the second).
    assert client.get(reverse("admin:index"))["Location"] == "/accounts/two-step/?next=%2Fadmin%2F"


def test_a_staff_user_may_sign_in_with_their_email_too(client):
    StaffUserFactory(username="secretariat", email="office@secretariat.example.cn")

    assert sign_in(client, "office@secretariat.example.cn")["Location"] == reverse("admin:index")


def test_a_superuser_signs_in_to_the_back_office(client):
    SuperUserFactory(username="root")

    assert sign_in(client, "root")["Location"] == reverse("admin:index")


def test_a_user_who_is_neither_staff_nor_officer_lands_on_the_home_page(client):
    UserFactory(username="citizen")

    assert sign_in(client, "citizen")["Location"] == reverse("association:home")


def test_a_safe_next_address_is_followed_and_a_foreign_one_is_not(client, officer):
    assert sign_in(client, "linhaibo", next="/documents/")["Location"] == "/documents/"
    client.logout()
    assert sign_in(client, "linhaibo", next="https://evil.example.com/")["Location"] == "/portal/"


def test_an_officer_who_is_not_staff_is_sent_away_from_the_admin(client, officer):
    sign_in(client, "linhaibo")

    for url in (reverse("admin:index"), reverse("admin:members_liaisonofficer_changelist")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_an_officer_cannot_sign_in_through_the_admin_login(client, officer):
    response = client.post(reverse("admin:login"), {"username": "linhaibo", "password": PASSWORD})

    assert response.status_code == 200
    assert client.get(reverse("admin:index")).status_code == 302


def test_an_officer_account_made_by_the_portal_is_not_staff(db, city):
    user = services.officer_account_for(email="new.officer@beihai.example.cn", name="新联络员")

    assert not user.is_staff and not user.is_superuser
    assert not user.has_usable_password()
    assert user.email == "new.officer@beihai.example.cn"


def test_signing_out_ends_the_session(client, officer):
    sign_in(client, "linhaibo")

    response = client.post("/accounts/logout/")

    assert response.status_code == 302
    assert signed_in_user_id(client) is None
    assert client.get("/portal/").status_code == 302


def test_a_reappointed_officer_with_a_new_account_signs_in_with_their_email(client, officer):
    """The person's earlier appointment ended; staff appoint them again, which makes a new account."""
    officer.appointed_on, officer.ended_on = datetime.date(2018, 1, 1), datetime.date(2022, 12, 31)
    officer.save()
    user = services.officer_account_for(email=officer.email, name=officer.name)
    user.set_password("a new password 2025")
    user.save()
    LiaisonOfficerFactory(user=user, city=officer.city, email=officer.email, name=officer.name)

    response = sign_in(client, officer.email, "a new password 2025")

    assert response.status_code == 302
    assert signed_in_user_id(client) == str(user.pk)


def test_an_officer_signs_in_with_the_address_staff_corrected_in_the_admin(client, officer, membership_manager):
    client.force_login(membership_manager)
    response = client.post(
        f"/admin/members/liaisonofficer/{officer.pk}/change/",
        {
            "city": officer.city.pk,
            "name": officer.name,
            "position": officer.position,
            "office_phone": officer.office_phone,
            "mobile": officer.mobile,
            "email": "lin.corrected@beihai.example.cn",
            "is_primary": "on",
            "appointed_on": officer.appointed_on.isoformat(),
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    client.logout()

    response = sign_in(client, "lin.corrected@beihai.example.cn")

    assert response.status_code == 302
    assert signed_in_user_id(client) == str(officer.user.pk)


def test_an_officer_cannot_take_the_e_mail_address_of_another_account(client):
    mine = LiaisonOfficerFactory(user__username="linhaibo", email="lin@nanning.example.cn")
    LiaisonOfficerFactory(user__username="wangli", email="wang@liuzhou.example.cn")
    client.force_login(mine.user)
    response = client.post(
        "/portal/",
        {
            "position": "副秘书长",
            "office_phone": "",
            "mobile": "",
            "email": "WANG@liuzhou.example.cn",
            "language": "zh-hans",
        },
    )
    assert response.status_code == 400 and "已属于另一个账户" in response.content.decode()
    mine.refresh_from_db()
    assert mine.email == "lin@nanning.example.cn" and mine.user.email == "lin@nanning.example.cn"


def test_staff_cannot_give_two_accounts_one_address(client):
    LiaisonOfficerFactory(user__username="wangli", email="wang@liuzhou.example.cn")
    editor = StaffUserFactory(username="bianji", email="bianji@example.cn")
    client.force_login(SuperUserFactory())
    response = client.post(
        f"/admin/auth/user/{editor.pk}/change/",
        {
            "username": "bianji",
            "email": "Wang@Liuzhou.example.cn",
            "is_active": "on",
            "is_staff": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
        },
    )
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    editor.refresh_from_db()
    assert editor.email == "bianji@example.cn"


def test_the_database_holds_no_two_accounts_with_one_address_in_any_case():
    from django.db import IntegrityError, transaction

    StaffUserFactory(username="a", email="office@example.cn")
    with pytest.raises(IntegrityError), transaction.atomic():
        StaffUserFactory(username="b", email="Office@Example.cn")


def test_a_new_appointment_of_the_same_person_reuses_their_account(client):
    first = LiaisonOfficerFactory(user__username="linhaibo", email="lin@nanning.example.cn")
    again = LiaisonOfficer(
        city=first.city, name=first.name, position="副秘书长", email="LIN@nanning.example.cn", is_primary=False
    )
    again.full_clean(exclude=["user"])  # the account of this address is theirs: not "another account"
