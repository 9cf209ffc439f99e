"""Staff create a liaison officer and invite them; the officer sets a password from the e-mail and signs in."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group

from members.contributions import MEMBERSHIP_MANAGERS
from members.models import LiaisonOfficer, MemberCity
from tests.browser.conftest import DESKTOP, choose_in_autocomplete, sign_in_to_the_back_office
from tests.factories import PASSWORD, StaffUserFactory

pytestmark = pytest.mark.browser

expect = pytest.importorskip(
    "playwright.sync_api", reason="The playwright package cannot be imported: pip install -r requirements-dev.txt"
).expect

OFFICER_EMAIL = "zhou.wenbin@beihai.example.cn"
OFFICER_PASSWORD = "Beihai-lianluo-2025"
INVITATION = re.compile(r"https?://[^/\s]+(/(?:[a-z-]+/)?accounts/invitation/[^/\s]+/[^/\s]+/)")


def path_of(page):
    return urlsplit(page.url).path


def create_officer_in_the_admin(page, site, city):
    page.goto(f"{site}/admin/members/liaisonofficer/add/")
    choose_in_autocomplete(page, "id_city", city.name)
    page.fill("#id_name", "周文斌")
    page.fill("#id_position", "市人民政府办公室副主任")
    page.fill("#id_office_phone", "0779-3030 303")
    page.fill("#id_mobile", "13877900000")
    page.fill("#id_email", OFFICER_EMAIL)
    page.locator("#id_is_primary").uncheck()  # the demo city already has its primary officer
    page.locator("input[name=_save]").click()
    expect(page).to_have_url(re.compile(r"/admin/members/liaisonofficer/(\?.*)?$"))
    expect(page.locator(".messagelist .success")).to_have_count(1)
    return LiaisonOfficer.objects.get(email=OFFICER_EMAIL)


def invite_from_the_changelist(page, officer):
    page.locator(f"input[name='_selected_action'][value='{officer.pk}']").check()
    page.select_option("select[name='action']", "send_invitation")
    page.locator("button[name='index'], button.button[type='submit']").first.click()
    expect(page.locator(".messagelist .success")).to_contain_text("1")


def test_staff_invite_a_new_officer_who_sets_a_password_and_signs_in_with_their_email(page, site, browser, mailoutbox):
    manager = StaffUserFactory(username="membership")
    manager.groups.add(Group.objects.get(name=MEMBERSHIP_MANAGERS))
    city = MemberCity.objects.get(slug="beihai")

    sign_in_to_the_back_office(page, site, "membership", PASSWORD)
    officer = create_officer_in_the_admin(page, site, city)
    assert officer.city == city and not officer.user.is_staff and not officer.user.has_usable_password()
    invite_from_the_changelist(page, officer)

    messages = [message for message in mailoutbox if message.to == [OFFICER_EMAIL]]
    assert len(messages) == 1
    link = INVITATION.search(messages[0].body).group(1)

    context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    context.set_default_timeout(10_000)
    officer_page = context.new_page()
    errors = []
    officer_page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        officer_page.goto(f"{site}{link}")
        expect(officer_page).to_have_url(re.compile(r"/accounts/invitation/[^/]+/set-password/$"))
        officer_page.fill("input[name=new_password1]", OFFICER_PASSWORD)
        officer_page.fill("input[name=new_password2]", OFFICER_PASSWORD)
        officer_page.locator("main form button[type=submit]").click()

        expect(officer_page).to_have_url(f"{site}/portal/")
        expect(officer_page.locator(f'main a[href="{city.get_absolute_url()}"]')).to_have_text(city.name)
        expect(officer_page.locator("main input[name=email]")).to_have_value(OFFICER_EMAIL)

        officer_page.locator(".account-links form button[type=submit]").click()
        expect(officer_page).to_have_url(f"{site}/")
        assert officer_page.goto(f"{site}/portal/").url.startswith(f"{site}/accounts/login/")

        officer_page.goto(f"{site}/accounts/login/")
        officer_page.fill("input[name=username]", OFFICER_EMAIL)
        officer_page.fill("input[name=password]", OFFICER_PASSWORD)
        officer_page.locator("main form button[type=submit]").click()

        expect(officer_page).to_have_url(f"{site}/portal/")
        expect(officer_page.locator(f'main a[href="{city.get_absolute_url()}"]')).to_have_text(city.name)

        officer_page.goto(f"{site}{link}")
        assert officer_page.locator("input[name=new_password1]").count() == 0  # the link worked once
    finally:
        context.close()
    assert errors == []


def test_an_officer_cannot_open_the_back_office(page, site):
    officer = LiaisonOfficer.objects.current().select_related("user").first()
    officer.user.set_password(OFFICER_PASSWORD)
    officer.user.save()

    page.goto(f"{site}/accounts/login/")
    page.fill("input[name=username]", officer.email)
    page.fill("input[name=password]", OFFICER_PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(f"{site}/portal/")

    page.goto(f"{site}/admin/")

    assert path_of(page) == "/admin/login/"
