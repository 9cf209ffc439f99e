"""In Chromium: a reader goes from the menu to a periodical's issue and on to an article of its contents, and
walks through a meeting's album with the keyboard."""

import pytest

from events.models import Event
from publications.models import Issue

pytestmark = pytest.mark.browser

expect = pytest.importorskip(
    "playwright.sync_api", reason="The playwright package cannot be imported: pip install -r requirements-dev.txt"
).expect


def test_a_reader_opens_the_latest_issue_and_an_article_from_its_contents(page, site):
    page.goto(f"{site}/")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="刊物", exact=True).click()
    expect(page.locator("h1")).to_have_text("刊物")

    latest = Issue.objects.published().filter(periodical__slug="huikan").order_by("-year", "-number").first()
    page.locator(".periodical-card").first.get_by_role("link", name=latest.label).click()
    expect(page.locator("h1")).to_contain_text(latest.label)
    assert page.url == f"{site}{latest.get_absolute_url()}"

    entry = page.locator(".contents__entry a").first
    title = entry.inner_text()
    entry.click()
    expect(page.locator("h1")).to_have_text(title)

    page.go_back()
    page.locator("nav.prev-next").get_by_role("link", name="全部各期").click()
    expect(page.locator(".year-nav [aria-current=page]")).to_have_text(str(latest.year))


def test_a_reader_walks_through_an_album_with_the_keyboard(page, site):
    event = Event.objects.get(title="2026年全区市长协会联络工作会议")
    page.goto(f"{site}{event.get_absolute_url()}")
    page.locator(".album-preview .more a").click()
    expect(page.locator("h1")).to_contain_text("照片")

    first = page.locator(".album-grid a").first
    first.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.lightbox")
    expect(dialog).to_be_visible()
    expect(dialog.locator(".lightbox__caption")).to_have_text("2026年全区市长协会联络工作会议现场")
    expect(dialog.locator(".lightbox__count")).to_contain_text("8")

    page.keyboard.press("ArrowRight")
    expect(dialog.locator(".lightbox__caption")).to_have_text("协会秘书长作年度联络工作报告")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(dialog.locator(".lightbox__caption")).to_have_text("会议期间的北海银滩")
    assert dialog.locator(".lightbox__image").evaluate("image => image.complete && image.naturalWidth > 0")

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert first.evaluate("link => document.activeElement === link")
