"""A reader searches from the header box, narrows the results to news and opens an article, in Chromium."""

from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser

expect = pytest.importorskip(
    "playwright.sync_api", reason="The playwright package cannot be imported: pip install -r requirements-dev.txt"
).expect


def test_a_reader_searches_in_traditional_characters_and_opens_a_marked_result(page, site):
    page.goto(f"{site}/zh-hant/events/")
    page.locator("form.site-search input[name=q]").fill("聯絡員")
    page.locator("form.site-search input[name=q]").press("Enter")
    page.wait_for_url(f"{site}/zh-hant/search/?q=*")

    assert parse_qs(urlsplit(page.url).query)["q"] == ["聯絡員"]
    results = page.locator("li.search-result")
    expect(results.first).to_be_visible()
    assert results.count() >= 3
    expect(results.first.locator("mark").first).to_have_text("聯絡員")  # Simplified content, shown Traditional

    page.locator('nav.search-kinds a[href*="kind=article"]').click()
    page.wait_for_url("**kind=article**")
    kinds = page.locator("p.search-result__kind").all_inner_texts()
    assert kinds and all(kind.startswith("新聞動態") for kind in kinds)

    first = page.locator("h2.search-result__title a").first
    title = first.inner_text()
    first.click()
    page.wait_for_url(f"{site}/zh-hant/news/*/")
    expect(page.locator("h1")).to_have_text(title)


def test_punctuation_alone_is_refused_with_a_message_beside_the_box(page, site):
    response = page.goto(f"{site}/search/?q=！！！")
    assert response.status == 400
    expect(page.locator("#q-errors")).to_be_visible()
    expect(page.locator("li.search-result")).to_have_count(0)
