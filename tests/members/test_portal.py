"""The liaison officer's desk: their city, their contact details (each change recorded), nobody else's data."""

import datetime

import pytest
from django.utils import timezone

from members.models import LiaisonOfficer
from tests.factories import LiaisonOfficerFactory
from tests.html import parse

pytestmark = pytest.mark.django_db

PORTAL_URLS = ["/portal/", "/zh-hant/portal/", "/en/portal/"]
CONTACT = {
    "position": "市人民政府办公室主任",
    "office_phone": "0779-2020 2020",
    "mobile": "13900001111",
    "email": "new.address@beihai.example.cn",
}


def contact_of(officer):
    officer.refresh_from_db()
    return {field: getattr(officer, field) for field in CONTACT}


@pytest.fixture
def colleague(officer):
    """A deputy officer of the same city."""
    return LiaisonOfficerFactory(
        city=officer.city, deputy=True, name="黄春梅", mobile="13800009999", email="huangchunmei@beihai.example.cn"
    )


def test_the_dashboard_shows_the_officers_city(client, officer):
    client.force_login(officer.user)

    response = client.get("/portal/")

    assert response.status_code == 200
    assert response.context["officer"] == officer
    assert response.context["city"] == officer.city
    tree = parse(response)
    assert tree.find("a", href="/members/beihai/").text == "北海市"
    assert tree.find("input", name="email")["value"] == officer.email
    assert tree.find("input", name="mobile")["value"] == officer.mobile


@pytest.mark.parametrize("prefix, lang", [("", "zh-Hans"), ("/zh-hant", "zh-Hant"), ("/en", "en")])
def test_the_dashboard_renders_in_every_language(client, officer, prefix, lang):
    client.force_login(officer.user)

    response = client.get(f"{prefix}/portal/")

    assert response.status_code == 200
    assert parse(response).find("html")["lang"] == lang


def test_the_dashboard_is_never_cached(client, officer):
    client.force_login(officer.user)

    cache_control = client.get("/portal/")["Cache-Control"]

    assert "private" in cache_control and "no-store" in cache_control


def test_the_dashboard_lists_the_other_current_officers_of_the_city_without_their_contact_details(
    client, officer, colleague
):
    LiaisonOfficerFactory(
        city=officer.city,
        deputy=True,
        name="前任联络员",
        ended_on=timezone.localdate(),
        appointed_on=datetime.date(2015, 1, 1),
    )
    client.force_login(officer.user)

    response = client.get("/portal/")

    assert list(response.context["colleagues"]) == [colleague]
    html = response.content.decode()
    assert "黄春梅" in html and "前任联络员" not in html
    assert colleague.mobile not in html and colleague.email not in html and colleague.office_phone not in html


def test_the_contact_form_saves_the_new_details(client, officer):
    client.force_login(officer.user)

    response = client.post("/portal/", CONTACT)

    assert response.status_code == 302
    assert response["Location"] == "/portal/"
    assert contact_of(officer) == CONTACT


def test_a_changed_email_becomes_the_accounts_email_too(client, officer):
    client.force_login(officer.user)

    client.post("/portal/", CONTACT)

    officer.user.refresh_from_db()
    assert officer.user.email == CONTACT["email"]


def test_each_change_of_the_contact_details_is_recorded_with_who_and_what(client, officer):
    before = contact_of(officer)
    client.force_login(officer.user)

    client.post("/portal/", CONTACT)

    record = officer.history.latest()
    assert record.history_type == "~"
    assert record.history_user == officer.user
    changes = {change.field: (change.old, change.new) for change in record.diff_against(record.prev_record).changes}
    assert changes == {field: (before[field], CONTACT[field]) for field in CONTACT}


def test_saving_unchanged_details_records_nothing(client, officer):
    client.force_login(officer.user)
    records = officer.history.count()

    response = client.post("/portal/", contact_of(officer))

    assert response.status_code == 302
    assert officer.history.count() == records


@pytest.mark.parametrize(
    "bad",
    [
        {"email": "not-an-address"},
        {"email": ""},
        {"position": ""},
        {"mobile": "1" * 21},
        {"office_phone": "0" * 31},
    ],
)
def test_invalid_contact_details_give_400_and_change_nothing(client, officer, bad):
    before = contact_of(officer)
    records = officer.history.count()
    client.force_login(officer.user)

    response = client.post("/portal/", {**CONTACT, **bad})

    assert response.status_code == 400
    field = next(iter(bad))
    assert response.context["form"].errors[field]
    assert parse(response).find("p", class_="field-error") is not None
    assert contact_of(officer) == before
    assert officer.history.count() == records
    officer.user.refresh_from_db()
    assert officer.user.email == before["email"]


def test_the_form_cannot_move_the_officer_or_change_their_standing(client, officer, other_city, other_officer):
    city, user = officer.city, officer.user
    client.force_login(officer.user)

    client.post(
        "/portal/",
        {
            **CONTACT,
            "city": other_city.pk,
            "user": other_officer.user.pk,
            "is_primary": "",
            "is_active": "",
            "ended_on": "2000-01-01",
            "name": "别人",
            "id": other_officer.pk,
            "pk": other_officer.pk,
        },
    )

    officer.refresh_from_db()
    assert (officer.city, officer.user, officer.is_primary, officer.is_active, officer.ended_on, officer.name) == (
        city,
        user,
        True,
        True,
        None,
        "林海波",
    )
    other = LiaisonOfficer.objects.get(pk=other_officer.pk)
    assert (other.email, other.mobile, other.name) == (other_officer.email, other_officer.mobile, "邓晓岚")


def test_an_officer_never_sees_another_citys_officers(client, officer, other_officer):
    LiaisonOfficerFactory(city=other_officer.city, deputy=True, name="钦州副联络员", mobile="13711112222")
    client.force_login(officer.user)

    for url in PORTAL_URLS:
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200
        assert response.context["city"] == officer.city
        assert all(colleague.city == officer.city for colleague in response.context["colleagues"])
        for secret in (
            "邓晓岚",
            "钦州副联络员",
            other_officer.email,
            other_officer.mobile,
            other_officer.office_phone,
            "13711112222",
            other_officer.user.username,
            "钦州市",
        ):
            assert secret not in html, f"{secret} on {url}"


def test_each_officer_changes_only_their_own_details(client, officer, other_officer):
    theirs = contact_of(other_officer)
    client.force_login(officer.user)

    client.post("/portal/", CONTACT)

    assert contact_of(other_officer) == theirs


def ended_officer(officer):
    LiaisonOfficer.objects.filter(pk=officer.pk).update(ended_on=timezone.localdate())
    return officer.user


def deactivated_officer(officer):
    LiaisonOfficer.objects.filter(pk=officer.pk).update(is_active=False)
    return officer.user


NOT_OFFICERS = {
    "a user with no group": lambda request, officer: request.getfixturevalue("user"),
    "a member of the liaison officers group with no officer record": (
        lambda request, officer: request.getfixturevalue("liaison_officer")
    ),
    "a staff user": lambda request, officer: request.getfixturevalue("staff_user"),
    "a news editor": lambda request, officer: request.getfixturevalue("news_editor"),
    "a membership manager": lambda request, officer: request.getfixturevalue("membership_manager"),
    "a superuser": lambda request, officer: request.getfixturevalue("superuser"),
}


@pytest.mark.parametrize("url", PORTAL_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("who", NOT_OFFICERS)
def test_a_signed_in_user_who_is_not_a_current_officer_gets_403_everywhere_in_the_portal(
    client, request, officer, url, method, who
):
    before = contact_of(officer)
    client.force_login(NOT_OFFICERS[who](request, officer))

    response = client.post(url, CONTACT) if method == "post" else client.get(url)

    assert response.status_code == 403
    assert contact_of(officer) == before


@pytest.mark.parametrize("url", PORTAL_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(
    "make_user", [None, ended_officer, deactivated_officer], ids=["anonymous", "ended", "inactive"]
)
def test_anonymous_visitors_and_former_officers_are_sent_to_sign_in(client, officer, url, method, make_user):
    before = contact_of(officer)
    if make_user:
        client.force_login(officer.user)
        make_user(officer)

    response = client.post(url, CONTACT) if method == "post" else client.get(url)

    assert response.status_code == 302
    prefix = url.removesuffix("/portal/")
    assert response["Location"] == f"{prefix}/accounts/login/?next={url}"
    assert contact_of(officer) == before


def test_a_staff_user_who_is_not_an_officer_gets_403_at_the_portal(client, staff_user):
    client.force_login(staff_user)

    assert client.get("/portal/").status_code == 403


def test_a_staff_user_who_is_also_an_officer_uses_the_portal(client, city):
    officer = LiaisonOfficerFactory(city=city, user__is_staff=True)
    client.force_login(officer.user)

    assert client.get("/portal/").context["city"] == city


def test_the_header_links_to_the_portal_only_for_current_officers(client, officer, staff_user):
    client.force_login(officer.user)
    assert parse(client.get("/")).find("a", href="/portal/") is not None

    client.force_login(staff_user)
    assert parse(client.get("/")).find("a", href="/portal/") is None
