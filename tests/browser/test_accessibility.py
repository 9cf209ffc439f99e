"""axe-core (package.json) finds no violation of WCAG 2.1 A and AA on the main pages and the officer's desk, at
desktop and phone widths, in the normal mode and in 关怀模式; the mode itself and the phone menu behave."""

from pathlib import Path

import pytest
from django.urls import reverse

from events.models import Event
from governance.models import Body
from members.models import LiaisonOfficer
from news.models import Article
from publications.models import Issue
from surveys.models import Questionnaire
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_delegation_journey import sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser

expect = pytest.importorskip(
    "playwright.sync_api", reason="The playwright package cannot be imported: pip install -r requirements-dev.txt"
).expect

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def violations(page):
    """axe's findings on the page as it is, one line per rule and element."""
    page.evaluate(AXE.read_text())  # evaluated by the browser's debugger, not injected: the CSP stays as it is
    found = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)["violations"]
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
