"""An officer registers a delegation; staff confirm it; the officer sees the check-in codes; staff check a delegate
in."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from events.contributions import EVENT_MANAGERS
from events.models import Delegation, Event
from members.models import LiaisonOfficer
from tests.browser.conftest import sign_in_to_the_back_office
from tests.events.fixtures import meeting_day
from tests.factories import PASSWORD, StaffUserFactory

pytestmark = pytest.mark.browser

expect = pytest.importorskip(
    "playwright.sync_api", reason="The playwright package cannot be imported: pip install -r requirements-dev.txt"
).expect


def sign_in(page, site, username, password=PASSWORD):
    page.goto(f"{site}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form.stacked-form button[type=submit], input[type=submit]").first.click()


def open_meeting(title, **fields):
    """A published seminar in 20 days, registration open for 10 more, 20 places, 5 a city."""
    now = timezone.now()
    return Event.objects.create(
        title=title,
        kind=Event.Kind.SEMINAR,
        status=Event.Status.PUBLISHED,
        capacity=20,
        per_city_limit=5,
        starts_at=now + datetime.timedelta(days=20),
        ends_at=now + datetime.timedelta(days=21),
        registration_opens_at=now - datetime.timedelta(days=1),
        registration_closes_at=now + datetime.timedelta(days=10),
        **fields,
    )


def officer_on_a_phone(browser, site):
    """A primary liaison officer, signed in with the password in a 390 px window: (officer, context, page)."""
    officer = LiaisonOfficer.objects.current().filter(is_primary=True).first()
    officer.user.set_password(PASSWORD)
    officer.user.save()
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    sign_in(page, site, officer.email)
    return officer, context, page


def test_register_confirm_and_check_in(browser, site):
    event = open_meeting("浏览器测试会议", requires_approval=True)
    officer = LiaisonOfficer.objects.current().filter(is_primary=True).exclude(city__delegations__event=event).first()
    officer.user.set_password(PASSWORD)
    officer.user.save()
    manager = StaffUserFactory(username="meetings")
    manager.groups.add(Group.objects.get(name=EVENT_MANAGERS))

    officer_context = browser.new_context(viewport={"width": 390, "height": 844})
    page = officer_context.new_page()
    sign_in(page, site, officer.email)
    expect(page).to_have_url(f"{site}/portal/")
    page.locator(f"a[href='/portal/events/{event.pk}/delegation/']").click()
    page.locator("[data-add-delegate]").click()
    page.locator("[data-add-delegate]").click()
    for n, (name, position) in enumerate([("李明", "副市长"), ("王芳", "副秘书长"), ("赵强", "外事办主任")]):
        page.fill(f"#id_delegates-{n}-name", name)
        page.check(f"input[name='delegates-{n}-gender'][value='{'male' if n != 1 else 'female'}']")
        page.fill(f"#id_delegates-{n}-position", position)
        page.fill(f"#id_delegates-{n}-rank", str(n + 1))
    page.check("#id_delegates-0-is_head")
    page.check("#id_consent")
    page.locator(".delegation-form button[type=submit]").click()
    expect(page.locator(".state")).to_have_class("state state--pending")
    delegation = Delegation.objects.get(event=event, city=officer.city)
    assert delegation.delegate_count == 3

    staff_context = browser.new_context(viewport={"width": 1366, "height": 900})
    admin = staff_context.new_page()
    sign_in_to_the_back_office(admin, site, "meetings", PASSWORD)
    admin.goto(f"{site}/admin/events/delegation/?state__exact=pending&event__id__exact={event.pk}")
    admin.locator(f"input[name='_selected_action'][value='{delegation.pk}']").check()
    admin.select_option("select[name='action']", "confirm")
    admin.locator("button[name='index'], button.button[type='submit']").first.click()
    expect(admin.locator(".messagelist")).to_be_visible()

    page.reload()
    expect(page.locator(".state").first).to_have_class("state state--confirmed")
    expect(page.locator(".checkin-code svg")).to_have_count(3)

    token = delegation.delegates.get(name="王芳").checkin_token
    meeting_day(event)  # the desk opens the day before the meeting
    desk = staff_context.new_page()
    desk.set_viewport_size({"width": 390, "height": 844})
    desk.goto(f"{site}/events/{event.pk}/checkin/")
    desk.fill("#id_token", token)
    desk.locator("[data-checkin-form] button[type=submit]").click()
    expect(desk.locator(".checkin__result--ok")).to_contain_text("王芳")
    desk.fill("#id_token", token)
    desk.locator("[data-checkin-form] button[type=submit]").click()
    expect(desk.locator(".checkin__result--refused")).to_be_visible()
    officer_context.close()
    staff_context.close()


def test_a_refused_registration_shows_a_summary_that_takes_focus_and_leads_to_each_field(browser, site):
    event = open_meeting("浏览器表单测试会议")
    _officer, context, page = officer_on_a_phone(browser, site)
    page.goto(f"{site}/portal/events/{event.pk}/delegation/")
    page.fill("#id_delegates-0-name", "李明")
    page.check("input[name='delegates-0-gender'][value='male']")
    page.fill("#id_delegates-0-position", "副市长")
    page.check("#id_delegates-0-is_head")
    page.fill("#id_delegates-0-mobile", "1380771")  # seven digits
    page.check("#id_consent")
    page.locator(".delegation-form button[type=submit]").click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("代表 1，手机")
    summary.locator("a").first.click()
    expect(page.locator("#id_delegates-0-mobile")).to_be_focused()
    expect(page.locator("#id_delegates-0-mobile")).to_have_attribute("aria-invalid", "true")
    assert not Delegation.objects.filter(event=event).exists()
    context.close()


def test_protocol_rank_numbers_itself_and_is_reordered_from_the_keyboard(browser, site):
    event = open_meeting("礼宾排序测试会议")
    officer, context, page = officer_on_a_phone(browser, site)
    page.goto(f"{site}/portal/events/{event.pk}/delegation/")

    page.locator("[data-add-delegate]").click()
    page.locator("[data-add-delegate]").click()
    ranks = [page.input_value(f"#id_delegates-{n}-rank") for n in range(3)]
    assert ranks == ["1", "2", "3"]  # each new delegate takes the next place
    for n, name in enumerate(["李明", "王芳", "赵强"]):
        page.fill(f"#id_delegates-{n}-name", name)
        page.check(f"input[name='delegates-{n}-gender'][value='male']")
        page.fill(f"#id_delegates-{n}-position", "副市长")
    page.locator("#delegate-3 [data-move='up']").focus()
    page.keyboard.press("Enter")  # 赵强 moves above 王芳
    assert [page.input_value(f"#id_delegates-{n}-rank") for n in range(3)] == ["1", "3", "2"]
    expect(page.locator("[role=status]")).to_contain_text("礼宾")
    page.check("#id_delegates-0-is_head")
    page.check("#id_consent")
    page.locator(".delegation-form button[type=submit]").click()
    expect(page.locator(".state")).to_be_visible()

    delegation = Delegation.objects.get(event=event, city=officer.city)
    assert list(delegation.delegates.order_by("rank").values_list("name", flat=True)) == ["李明", "赵强", "王芳"]
    context.close()


def test_on_a_phone_filled_delegates_fold_to_one_line_and_the_save_button_stays_in_reach(browser, site):
    event = open_meeting("手机报名会议")
    _officer, context, page = officer_on_a_phone(browser, site)
    page.goto(f"{site}/portal/events/{event.pk}/delegation/")
    form = page.locator(".delegation-form")

    for n, (name, position) in enumerate([("李明", "副市长"), ("王芳", "副秘书长"), ("赵强", "外事办主任")]):
        if n:
            page.locator("[data-add-delegate]").click()
        page.fill(f"#id_delegates-{n}-name", name)
        page.check(f"input[name='delegates-{n}-gender'][value='male']")
        page.fill(f"#id_delegates-{n}-position", position)
        save = page.locator(".delegation-form__save button").bounding_box()
        assert save["y"] + save["height"] <= 844  # the save button is on the screen while filling in

    first = page.locator("#delegate-1 .delegate__toggle")
    expect(first).to_have_attribute("aria-expanded", "false")
    expect(first).to_contain_text("李明 · 副市长")
    assert form.bounding_box()["height"] < 2200  # two folded to a line each, the third open (about 3,800 px unfolded)
    first.click()
    expect(page.locator("#id_delegates-0-is_head")).to_be_checked()  # the first named leads, unless changed
    page.check("#id_consent")
    page.locator(".delegation-form__save button").click()
    expect(page.locator(".delegation-summary")).to_contain_text("赵强")
    context.close()
