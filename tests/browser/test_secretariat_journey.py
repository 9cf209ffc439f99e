"""A week of the secretariat's meeting work in Chromium: a notice sent, two officers reply (yes and no), the table
of cities; a guest registers in English through a link; a city registered by telephone; the rooming and arrival
lists; the guest checked in. And the event form's agenda fits a 1366 px screen."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from events.contributions import EVENT_MANAGERS
from events.models import Delegation, Event, GuestInvitation, MeetingNotice
from members.models import LiaisonOfficer, MemberCity
from tests.browser.conftest import DESKTOP, PHONE, choose_in_autocomplete
from tests.events.fixtures import meeting_day
from tests.factories import PASSWORD, StaffUserFactory

pytestmark = pytest.mark.browser

expect = pytest.importorskip(
    "playwright.sync_api", reason="The playwright package cannot be imported: pip install -r requirements-dev.txt"
).expect


def staff_context(browser, site, user):
    """A browser signed in as `user` with both steps done (tests/browser/test_delegation_journey.py signs in by
    hand)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN", accept_downloads=True)
    context.set_default_timeout(10_000)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site}])
    return context


def officer_page(browser, site, officer):
    officer.user.set_password(PASSWORD)
    officer.user.save()
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(f"{site}/accounts/login/")
    page.fill("#id_username", officer.user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("form.stacked-form button[type=submit]").click()
    expect(page).to_have_url(f"{site}/portal/")
    return page


def test_notice_replies_guest_telephone_registration_lists_and_check_in(browser, site):
    now = timezone.now()
    event = Event.objects.create(
        title="2027年联络工作会议",
        kind=Event.Kind.LIAISON,
        status=Event.Status.PUBLISHED,
        capacity=30,
        per_city_limit=4,
        requires_approval=False,
        starts_at=now + datetime.timedelta(days=20),
        ends_at=now + datetime.timedelta(days=21),
        registration_opens_at=now - datetime.timedelta(days=1),
        registration_closes_at=now + datetime.timedelta(days=10),
    )
    manager = StaffUserFactory(username="meetings")
    manager.groups.add(Group.objects.get(name=EVENT_MANAGERS))
    officers = list(LiaisonOfficer.objects.current().filter(is_primary=True).select_related("city", "user")[:3])
    yes, no, by_phone = officers
    staff = staff_context(browser, site, manager).new_page()

    # Staff write and send a notice to the first two cities.
    staff.goto(f"{site}/admin/events/meetingnotice/add/")
    choose_in_autocomplete(staff, "id_event", event.title)
    staff.fill("#id_title", "关于召开2027年联络工作会议的通知")
    staff.fill("#id_body", "各会员城市联络员：\n\n请于规定时间内回复是否参会。")
    staff.fill("#id_reply_by_0", f"{timezone.localdate() + datetime.timedelta(days=7):%Y-%m-%d}")
    staff.fill("#id_reply_by_1", "17:00")
    for officer in (yes, no):
        choose_in_autocomplete(staff, "id_cities", officer.city.name)
    staff.locator("input[name=_continue]").click()
    expect(staff.locator(".messagelist .success")).to_be_visible()
    staff.locator("button[form=notice-send]").click()
    expect(staff.locator(".messagelist .success")).to_contain_text("2")
    notice = MeetingNotice.objects.get(title="关于召开2027年联络工作会议的通知")

    # Two officers read it on their desk and reply, one yes, one no.
    first = officer_page(browser, site, yes)
    first.locator(f"a[href='/portal/events/notices/{notice.pk}/']").click()
    first.check("input[value=attend]")
    first.locator("form.stacked-form button[type=submit]").click()
    expect(first).to_have_url(f"{site}/portal/events/{event.pk}/delegation/")
    second = officer_page(browser, site, no)
    second.goto(f"{site}/portal/events/notices/{notice.pk}/")
    second.check("input[value=decline]")
    second.fill("#id_reason", "同期召开市政府常务会议")
    second.locator("form.stacked-form button[type=submit]").click()
    expect(second.locator(".messagelist, .messages").first).to_be_visible()

    # Staff see the table, city by city.
    staff.goto(f"{site}/admin/events/meetingnotice/{notice.pk}/change/")
    table = staff.locator(".notice-states__table")
    expect(table.locator(f"tr:has-text('{no.city.name}')")).to_contain_text("同期召开市政府常务会议")
    expect(table.locator(f"tr:has-text('{yes.city.name}')")).to_contain_text("已回复")
    expect(table.locator(f"tr:has-text('{by_phone.city.name}')")).to_contain_text("未发送")

    # A guest delegation, invited by staff, registers in English through its link, without an account.
    invitation = GuestInvitation.objects.create(
        event=event,
        organisation="Vientiane Capital",
        country="Laos",
        contact_name="Somchai",
        email="somchai@vientiane.example.la",
        language="en",
        expires_at=now + datetime.timedelta(days=15),
        created_by=manager,
    )
    guest_context = browser.new_context(viewport=PHONE, locale="en-GB")
    guest = guest_context.new_page()
    guest.goto(f"{site}/en/guests/{invitation.token}/")
    expect(guest.locator("h1")).to_contain_text("Vientiane Capital")
    guest.fill("#id_delegates-0-name", "Somchai Phommavong")
    guest.check("input[name='delegates-0-gender'][value='male']")
    guest.fill("#id_delegates-0-position", "Vice Mayor")
    guest.check("#id_delegates-0-is_head")
    guest.select_option("#id_delegates-0-accommodation", "shared")
    guest.fill("#id_delegates-0-arrival", (now + datetime.timedelta(days=19)).strftime("%Y-%m-%dT14:30"))
    guest.fill("#id_delegates-0-arrival_by", "QV917")
    guest.check("#id_consent")
    guest.locator(".delegation-form button[type=submit]").click()
    expect(guest.locator(".state")).to_have_class("state state--confirmed")
    expect(guest.locator(".checkin-code svg")).to_have_count(1)

    # Staff register the third city, which telephoned.
    staff.goto(f"{site}/admin/events/delegation/register/?event={event.pk}")
    expect(staff.locator("#id_event ~ .select2")).to_contain_text(event.title)  # chosen by the address
    choose_in_autocomplete(staff, "id_city", by_phone.city.name)
    staff.fill("#id_delegates-0-name", "黄海")
    staff.check("input[name='delegates-0-gender'][value='male']")
    staff.fill("#id_delegates-0-position", "副秘书长")
    staff.check("#id_delegates-0-is_head")
    staff.check("#id_consent")
    staff.locator(".on-behalf input[type=submit]").click()
    expect(staff.locator(".messagelist .success")).to_contain_text(by_phone.city.name)
    assert Delegation.objects.get(event=event, city=by_phone.city).submitted_by == manager

    # Staff export the rooming and arrival lists.
    staff.goto(f"{site}/admin/events/event/{event.pk}/lists/")
    for slug in ("rooming", "arrivals"):
        with staff.expect_download() as download:
            staff.locator(f"a[href$='/lists/{slug}.xlsx']").click()
        assert re.match(r"2027年联络工作会议-\d{4}-\d{2}-\d{2}-.+\.xlsx", download.value.suggested_filename)
    staff.goto(f"{site}/admin/events/event/{event.pk}/lists/arrivals/")
    expect(staff.locator("table.sheet")).to_contain_text("QV917")

    # The guest is checked in at the desk.
    token = Delegation.objects.get(guest=invitation).delegates.get().checkin_token
    meeting_day(event)  # the desk opens the day before the meeting
    staff.goto(f"{site}/events/{event.pk}/checkin/")
    staff.fill("#id_token", token)
    staff.locator("[data-checkin-form] button[type=submit]").click()
    expect(staff.locator(".checkin__result--ok")).to_contain_text("Vientiane Capital")


def test_the_agenda_of_a_meeting_is_edited_without_sideways_scrolling(browser, site):
    event = Event.objects.filter(agenda__isnull=False).first() or Event.objects.first()
    page = staff_context(browser, site, StaffUserFactory(username="meetings2", is_superuser=True)).new_page()
    page.goto(f"{site}/admin/events/event/{event.pk}/change/")
    too_wide = page.evaluate(
        "[document.documentElement, ...document.querySelectorAll('#agenda-group, #agenda-group *')]"
        ".filter(e => e.scrollWidth > window.innerWidth).map(e => `${e.tagName}.${e.className} ${e.scrollWidth}`)"
    )
    culprits = page.evaluate(
        "Array.from(document.querySelectorAll('body *'))"
        ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
        ".map(e => `${e.tagName}.${e.className}#${e.id} ${Math.round(e.getBoundingClientRect().right)}`)"
        ".slice(0, 15)"
    )
    assert too_wide == [], culprits
    assert MemberCity.objects.exists()
