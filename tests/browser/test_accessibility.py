"""axe-core (package.json), every rule but the experimental ones (WCAG 2.1 A and AA and its best practices), finds
no violation on the main pages and the officer's desk, at desktop and phone widths, in the normal mode and in
关怀模式, nor on the forms people fill in (delegation, notice, guest, the admin's change form) and the pages of the
third wave; the mode itself and the phone menu behave."""

from pathlib import Path

import pytest
from django.urls import reverse

from events.models import Event, GuestInvitation, NoticeRecipient
from governance.models import Body
from members.models import LiaisonOfficer
from membership.models import Certificate
from news.models import Article
from publications.models import Issue
from surveys.models import Questionnaire
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_delegation_journey import sign_in
from tests.factories import PASSWORD, SuperUserFactory

pytestmark = pytest.mark.browser

expect = pytest.importorskip(
    "playwright.sync_api", reason="The playwright package cannot be imported: pip install -r requirements-dev.txt"
).expect

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def violations(page):
    """axe's findings on the page as it is, one line per rule and element: every rule axe has (WCAG 2.1 A and AA,
    and its best practices), but the experimental ones."""
    page.evaluate(AXE.read_text())  # evaluated by the browser's debugger, not injected: the CSP stays as it is
    # No CSSOM preloading: axe would rebuild the admin's @import-ed sheets as <style> elements, which the CSP blocks.
    # The admin's searching selects are select2's markup (a list with a <span> in it, an unlabelled search box),
    # left to select2; what they stand for, the <select>, is labelled and checked.
    context = "{exclude: [['.select2-container']]}"
    found = page.evaluate(f"() => axe.run({context}, {{preload: false}})")["violations"]
    return [
        f"{rule['id']}: {node['target']} {node['failureSummary'].splitlines()[-1].strip()}"
        for rule in found
        for node in rule["nodes"]
    ]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366px", "390px"])
@pytest.mark.parametrize("care", [False, True], ids=["normal", "care"])
def test_no_accessibility_violation_on_the_main_pages_and_the_desk(browser, site, viewport, care):
    if not AXE.exists():
        pytest.skip("axe-core is not installed: make install runs npm ci")
    officer = LiaisonOfficer.objects.current().filter(is_primary=True).first()
    officer.user.set_password(PASSWORD)
    officer.user.save()
    pages = [
        "/",
        Article.objects.published().filter(images__isnull=False).first().get_absolute_url(),
        Event.objects.filter(status=Event.Status.PUBLISHED).order_by("-starts_at").first().get_absolute_url(),
        "/members/",
        "/figures/",
        Issue.objects.published().first().get_absolute_url(),
        reverse("events:album", args=[Event.objects.filter(photos__isnull=False).first().pk]),
        "/subscribe/",
        "/about/branches/women-mayors/",
        Body.objects.filter(branch__isnull=True, kind=Body.Kind.COUNCIL).get().get_absolute_url(),
    ]
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    if care:
        context.add_init_script("localStorage.setItem('portal-care', 'on')")
    page = context.new_page()
    found = {}
    for url in pages:
        page.goto(f"{site}{url}")
        found[url] = violations(page)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > viewport["width"]:
            found[url].append(f"the page is {width} px wide in a {viewport['width']} px window")
    sign_in(page, site, officer.email)
    expect(page).to_have_url(f"{site}/portal/")
    found["/portal/"] = violations(page)
    survey = f"/portal/surveys/{Questionnaire.objects.open_now().first().pk}/"
    page.goto(f"{site}{survey}")
    found[survey] = violations(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > viewport["width"]:
        found[survey].append(f"the page is {width} px wide in a {viewport['width']} px window")
    context.close()
    assert {url: problems for url, problems in found.items() if problems} == {}


def test_care_mode_is_switched_in_the_header_and_remembered_across_pages(page, site):
    page.goto(f"{site}/")
    switch = page.locator(".care-switch")
    base = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert base == 16
    switch.click()
    expect(switch).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") >= 20
    page.goto(f"{site}/news/")
    expect(page.locator("html")).to_have_attribute("data-care", "on")
    expect(page.locator(".care-switch")).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") >= 20
    columns = page.evaluate("getComputedStyle(document.querySelector('.with-sidebar')).gridTemplateColumns")
    assert len(columns.split()) == 1  # one column
    page.locator(".care-switch").click()
    page.reload()
    assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") == 16


def test_on_a_phone_the_section_menu_comes_first_and_escape_closes_the_menu(phone_page, site):
    page = phone_page
    page.goto(f"{site}/news/")
    menu_top = page.locator(".side-nav").bounding_box()["y"]
    list_top = page.locator(".article-list").bounding_box()["y"]
    assert menu_top < list_top
    toggle = page.locator(".main-nav__toggle")
    toggle.click()
    expect(page.locator("#main-nav-list")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#main-nav-list")).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()


def scan(page, site, urls, viewport):
    found = {}
    for url in urls:
        page.goto(f"{site}{url}")
        found[url] = violations(page)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > viewport["width"]:
            found[url].append(f"the page is {width} px wide in a {viewport['width']} px window")
    return {url: problems for url, problems in found.items() if problems}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366px", "390px"])
def test_no_violation_on_the_forms_people_fill_in_and_the_pages_of_the_third_wave(browser, site, viewport):
    """Every axe rule on the delegation form, a notice, the guest form, the admin's change form with its inlines,
    and the membership, governance, survey and award pages."""
    if not AXE.exists():
        pytest.skip("axe-core is not installed: make install runs npm ci")
    from tests.browser.conftest import signed_in

    invitation = GuestInvitation.objects.first()
    public = [
        invitation.get_absolute_url(),
        "/membership/apply/",
        "/membership/certificates/",
        Certificate.objects.first().get_absolute_url(),
        "/members/honours/",
        "/awards/",
        "/about/leadership/",
    ]
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    found = scan(context.new_page(), site, public, viewport)
    context.close()

    officer = LiaisonOfficer.objects.current().filter(is_primary=True).first()
    context, page = signed_in(browser, site, officer.user, viewport)
    desk = [
        f"/portal/events/{Event.objects.filter(status=Event.Status.PUBLISHED).order_by('-starts_at').first().pk}/delegation/",
        reverse("delegations:notice", args=[NoticeRecipient.objects.filter(city=officer.city).first().notice_id]),
        "/portal/votes/",
        "/portal/surveys/",
    ]
    found |= scan(page, site, desk, viewport)
    context.close()

    context, page = signed_in(browser, site, SuperUserFactory(), viewport)
    event = Event.objects.filter(photos__isnull=False).first()
    article = Article.objects.filter(attachments__isnull=False).first() or Article.objects.first()
    back_office = [
        reverse("admin:events_event_change", args=[event.pk]),
        reverse("admin:news_article_change", args=[article.pk]),
    ]
    found |= scan(page, site, back_office, viewport)
    context.close()
    assert found == {}
