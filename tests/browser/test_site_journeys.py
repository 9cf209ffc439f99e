"""Journeys through the public site in Chromium: navigation, languages, font size, keyboard, phone menu."""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group

from association.models import Document
from members.contributions import LIAISON_OFFICERS
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.browser

expect = pytest.importorskip(
    "playwright.sync_api", reason="The playwright package cannot be imported: pip install -r requirements-dev.txt"
).expect


def path_of(page):
    return urlsplit(page.url).path


def html_lang(page):
    return page.locator("html").get_attribute("lang")


def test_every_main_navigation_link_opens_a_page_marked_as_current(page, site):
    page.goto(f"{site}/")
    hrefs = page.locator("nav.main-nav a").evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert len(hrefs) == 8

    for href in reversed(hrefs):  # ends on the home page, so every link is followed from another page
        page.locator(f'nav.main-nav a[href="{href}"]').click()
        page.wait_for_url(f"{site}{href}")

        assert path_of(page) == href
        assert page.locator("h1").count() >= 1
        expect(page.locator(f'nav.main-nav a[href="{href}"]')).to_have_attribute("aria-current", "page")
        expect(page.locator("nav.main-nav a[aria-current]")).to_have_count(1)


def test_the_language_switch_goes_from_simplified_to_traditional_to_english_and_back(page, site):
    page.goto(f"{site}/about/leadership/")
    assert html_lang(page) == "zh-Hans"
    journey = [
        ("zh-Hant", "/zh-hant/about/leadership/"),
        ("en", "/en/about/leadership/"),
        ("zh-Hant", "/zh-hant/about/leadership/"),
        ("zh-Hans", "/about/leadership/"),
    ]

    for tag, path in journey:
        page.locator(f'.lang-switch a[hreflang="{tag}"]').click()
        page.wait_for_url(f"{site}{path}")

        assert path_of(page) == path
        assert html_lang(page) == tag
        expect(page.locator(f'.lang-switch a[hreflang="{tag}"]')).to_have_attribute("aria-current", "true")
        expect(page.locator("h1")).to_have_count(1)


def body_font_size(page):
    return float(page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)"))


def test_the_large_font_size_is_applied_and_remembered_after_a_reload(page, site):
    page.goto(f"{site}/about/")
    expect(page.locator("html")).to_have_attribute("data-font-size", "medium")
    normal = body_font_size(page)

    large = page.locator("button[data-font-size=large]")
    large.click()

    expect(page.locator("html")).to_have_attribute("data-font-size", "large")
    expect(large).to_have_attribute("aria-pressed", "true")
    expect(page.locator("button[data-font-size=medium]")).to_have_attribute("aria-pressed", "false")
    assert body_font_size(page) > normal

    page.reload()

    expect(page.locator("html")).to_have_attribute("data-font-size", "large")
    expect(page.locator("button[data-font-size=large]")).to_have_attribute("aria-pressed", "true")
    assert body_font_size(page) > normal

    page.locator("button[data-font-size=small]").click()
    assert body_font_size(page) < normal


def focused(page, selector):
    return page.evaluate("selector => document.activeElement.matches(selector)", selector)


def test_the_first_tab_reaches_a_visible_skip_link_that_moves_focus_to_the_content(page, site):
    page.goto(f"{site}/")

    page.keyboard.press("Tab")

    assert focused(page, "a.skip-link")
    skip_link = page.locator("a.skip-link")
    expect(skip_link).to_be_in_viewport()
    box = skip_link.bounding_box()
    assert box["y"] >= 0 and box["height"] > 0

    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main"
    assert urlsplit(page.url).fragment == "main"


def test_a_keyboard_user_reaches_the_main_navigation_and_follows_a_link(page, site):
    page.goto(f"{site}/")

    for _ in range(40):
        page.keyboard.press("Tab")
        if focused(page, "nav.main-nav a:not([aria-current])"):
            break
    else:
        pytest.fail("Tab never reached a link of the main navigation")
    href = page.evaluate("document.activeElement.getAttribute('href')")
    expect(page.locator(f'nav.main-nav a[href="{href}"]')).to_be_focused()

    page.keyboard.press("Enter")

    page.wait_for_url(f"{site}{href}")
    assert path_of(page) == href
    expect(page.locator(f'nav.main-nav a[href="{href}"]')).to_have_attribute("aria-current", "page")


def test_on_a_phone_the_menu_button_opens_and_closes_the_navigation(phone_page, site):
    page = phone_page
    page.goto(f"{site}/")
    toggle = page.locator(".main-nav__toggle")
    nav_list = page.locator("#main-nav-list")

    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(nav_list).to_be_hidden()

    toggle.click()

    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(nav_list).to_be_visible()
    expect(nav_list.locator("a")).to_have_count(8)
    nav_list.locator('a[href="/documents/"]').click()
    page.wait_for_url(f"{site}/documents/")
    expect(page.locator("h1")).to_have_count(1)

    page.locator(".main-nav__toggle").click()
    expect(page.locator("#main-nav-list")).to_be_visible()
    page.locator(".main-nav__toggle").click()
    expect(page.locator("#main-nav-list")).to_be_hidden()


def test_a_phone_page_does_not_scroll_sideways(phone_page, site):
    for path in ["/", "/about/leadership/", "/documents/", "/about/branches/women-mayors/"]:
        phone_page.goto(f"{site}{path}")

        overflow = phone_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than the screen"


def test_on_a_phone_no_footer_link_breaks_mid_word(phone_page, site):
    phone_page.goto(f"{site}/about/privacy/")
    lines = phone_page.locator(".site-footer__links a").evaluate_all(
        "links => links.map(link => [link.textContent.trim(), link.getClientRects().length])"
    )
    assert ["个人信息保护说明", 1] in lines
    assert [text for text, count in lines if count != 1] == []


def test_a_liaison_officer_signs_in_from_a_members_only_download_and_gets_the_file(page, site, tmp_path):
    officer = UserFactory()
    officer.groups.add(Group.objects.get(name=LIAISON_OFFICERS))
    document = Document.objects.filter(visibility=Document.Visibility.MEMBERS).first()
    page.goto(f"{site}/documents/")
    expect(page.locator(f'table.documents a[href="{document.get_download_url()}"]')).to_have_count(0)

    page.goto(f"{site}/en/documents/")
    page.goto(f"{site}/en{document.get_download_url()}")

    assert path_of(page) == "/en/accounts/login/"
    assert html_lang(page) == "en"
    page.fill("input[name=username]", officer.username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_download() as download_info:
        page.locator("main form button[type=submit]").click()
    download = download_info.value
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)

    assert saved.suffix == ".pdf"
    assert saved.read_bytes().startswith(b"%PDF-")
