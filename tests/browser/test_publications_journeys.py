"""In Chromium: a reader goes from the menu to a periodical's issue and on to an article of its contents, and
walks through a meeting's album with the keyboard."""

import pytest

from events.models import Event
from members import demo_calendar
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
    event = Event.objects.get(title=demo_calendar.titles()["conference"])
    page.goto(f"{site}{event.get_absolute_url()}")
    page.locator(".album-preview .more a").click()
    expect(page.locator("h1")).to_contain_text("照片")

    first = page.locator(".album-grid a").first
    first.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.lightbox")
    expect(dialog).to_be_visible()
    expect(dialog.locator(".lightbox__caption")).to_have_text(f"{demo_calendar.titles()['conference']}现场")
    expect(dialog.locator(".lightbox__count")).to_contain_text("8")

    page.keyboard.press("ArrowRight")
    expect(dialog.locator(".lightbox__caption")).to_have_text("协会秘书长作年度联络工作报告")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(dialog.locator(".lightbox__caption")).to_have_text("会议期间的北海银滩")
    # The large photo loads (given time: a busy machine serves it after the caption has changed).
    page.wait_for_function(
        "() => { const image = document.querySelector('dialog.lightbox .lightbox__image');"
        " return image.complete && image.naturalWidth > 0; }"
    )

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert first.evaluate("link => document.activeElement === link")


def test_an_event_manager_uploads_several_photos_at_once_and_sees_each_ones_progress(browser, site, tmp_path):

    from PIL import Image

    from events.models import EventPhoto
    from tests.browser.test_secretariat_journey import staff_context
    from tests.factories import StaffUserFactory

    event = Event.objects.get(title=demo_calendar.titles()["conference"])
    before = event.photos.count()
    files = []
    for n in range(3):
        path = tmp_path / f"photo-{n}.jpg"
        Image.new("RGB", (900, 600), (40 * n, 90, 160)).save(path, format="JPEG")
        files.append(str(path))
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a photo")
    files.append(str(broken))
    page = staff_context(browser, site, StaffUserFactory(username="album", is_superuser=True)).new_page()

    page.goto(f"{site}/admin/events/event/{event.pk}/change/")
    page.get_by_role("link", name="上传照片").click()
    page.set_input_files("#id_images", files)
    page.get_by_role("button", name="上传").click()

    rows = page.locator(".photo-upload__files li")
    expect(rows).to_have_count(4)
    expect(page.locator(".photo-upload__summary")).to_contain_text("共 4 张，已添加 3 张")
    expect(page.locator(".photo-upload--done")).to_have_count(3)
    expect(page.locator(".photo-upload--failed")).to_contain_text("broken.jpg")
    expect(page.locator(".photo-upload--failed .photo-upload__state")).to_contain_text("未添加")
    assert page.locator("#photo-upload-progress").evaluate("bar => bar.value") == 100
    assert EventPhoto.objects.filter(event=event).count() == before + 3
    assert list(EventPhoto.objects.filter(event=event).order_by("order").values_list("order", flat=True)) == list(
        range(before + 3)
    )
