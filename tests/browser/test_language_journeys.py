"""Switching 简 → 繁 → EN and back on an article and on an event page keeps the reader on the page,
which reads in Traditional characters, then in its English version, then in Simplified again."""

from urllib.parse import urlsplit

import pytest

from core.i18n.chinese import to_traditional
from events.models import Event
from news.models import Article

pytestmark = pytest.mark.browser

expect = pytest.importorskip(
    "playwright.sync_api", reason="The playwright package cannot be imported: pip install -r requirements-dev.txt"
).expect

JOURNEY = [("zh-Hant", "/zh-hant"), ("en", "/en"), ("zh-Hant", "/zh-hant"), ("zh-Hans", "")]


@pytest.mark.parametrize("kind", ["article", "event"])
def test_switching_languages_stays_on_the_same_page(page, site, kind):
    if kind == "article":
        target = Article.objects.published().exclude(title_en="").first()
    else:
        target = Event.objects.published().exclude(title="").exclude(title_en="").filter(series__isnull=True).first()
    path, simplified = target.get_absolute_url(), target.title
    page.goto(f"{site}{path}")
    expect(page.locator("h1")).to_contain_text(simplified)
    for tag, prefix in JOURNEY:
        page.locator(f'.lang-switch a[hreflang="{tag}"]').click()
        page.wait_for_url(f"{site}{prefix}{path}")
        assert urlsplit(page.url).path == f"{prefix}{path}"
        assert page.locator("html").get_attribute("lang") == tag
        if tag == "zh-Hant":  # the title typed in Simplified Chinese reads in Traditional characters
            expect(page.locator("h1")).to_contain_text(to_traditional(simplified))
        if tag == "en":
            expect(page.locator("h1")).to_contain_text(target.title_en)
    expect(page.locator("h1")).to_contain_text(simplified)
