"""Reading the news in Chromium, and a reviewer publishing an article from the back office."""

import base64
import re
import time

import pytest
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice

from news.contributions import NEWS_REVIEWERS
from news.models import Article, ArticleView
from tests.browser.conftest import authenticator_code
from tests.factories import PASSWORD, StaffUserFactory

pytestmark = pytest.mark.browser

expect = pytest.importorskip(
    "playwright.sync_api", reason="The playwright package cannot be imported: pip install -r requirements-dev.txt"
).expect


def test_a_reader_opens_a_headline_reads_it_and_goes_back_to_its_category(page, site):
    page.goto(f"{site}/")
    carousel = page.locator("[data-carousel]")
    expect(carousel.locator(".carousel__slide:not([hidden])")).to_have_count(1)
    first_title = carousel.locator(".carousel__slide:not([hidden]) .carousel__caption").inner_text()

    carousel.locator(".carousel__next").click()
    expect(carousel.locator(".carousel__slide:not([hidden]) .carousel__caption")).not_to_have_text(first_title)
    carousel.locator(".carousel__prev").click()
    expect(carousel.locator(".carousel__slide:not([hidden]) .carousel__caption")).to_have_text(first_title)

    carousel.locator(".carousel__slide:not([hidden]) a").click()
    expect(page.locator("h1")).to_have_text(first_title)
    article = Article.objects.get(title=first_title)
    assert page.url == f"{site}/news/{article.pk}/"
    shown = int(re.search(r"(\d+)\s*$", page.locator(".article__views").inner_text()).group(1))
    wait_for_beacon = time.monotonic() + 5
    while not ArticleView.objects.filter(article=article).exists() and time.monotonic() < wait_for_beacon:
        time.sleep(0.1)
    assert article.views == shown + 1, "the page's beacon did not count this reader's view exactly once"
    expect(page.locator(".breadcrumb")).to_contain_text(article.category.name)

    page.locator(".article__meta .font-switch button[data-font-size='large']").click()
    expect(page.locator("html")).to_have_attribute("data-font-size", "large")

    page.locator(".breadcrumb a", has_text=article.category.name).click()
    expect(page.locator("h1")).to_have_text(article.category.name)
    expect(page.locator(".article-list")).to_contain_text(first_title)


def test_the_carousel_can_be_paused_and_is_paused_while_focused(page, site):
    page.goto(f"{site}/")
    toggle = page.locator(".carousel__toggle")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".carousel__slides")).to_have_attribute("aria-live", "polite")


def test_a_reader_pages_through_the_news_and_follows_a_tag(page, site):
    page.goto(f"{site}/news/")
    expect(page.locator(".article-item")).to_have_count(20)
    page.locator(".pagination a[rel='next']").click()
    expect(page).to_have_url(re.compile(r"\?page=2$"))
    expect(page.locator(".pagination [aria-current='page']")).to_have_text("2")

    page.locator(".article-item__title a").first.click()
    tag = page.locator(".tags a").first
    tag_name = tag.inner_text()
    tag.click()
    expect(page.locator("h1")).to_contain_text(tag_name)


def test_a_reviewer_publishes_an_article_in_the_admin_and_readers_see_it(page, site):
    reviewer = StaffUserFactory(username="reviewer")
    reviewer.groups.add(Group.objects.get(name=NEWS_REVIEWERS))
    draft = Article.objects.create(
        title="秘书处发布新一期工作简报",
        category=Article.objects.first().category,
        body="<p>简报正文</p>",
        status=Article.Status.REVIEW,
    )
    assert page.goto(f"{site}/news/{draft.pk}/").status == 404

    phone = TOTPDevice.objects.create(user=reviewer, name="authenticator", confirmed=True)  # set up earlier
    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", "reviewer")
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    expect(page.locator("#id_code")).to_be_visible()  # the second step
    page.fill("#id_code", authenticator_code(base64.b32encode(phone.bin_key).decode()))
    page.locator("form.stacked-form button[type=submit]").click()
    expect(page).to_have_url(f"{site}/admin/")
    page.goto(f"{site}/admin/news/article/?status__exact=review")
    page.locator(f"input[name='_selected_action'][value='{draft.pk}']").check()
    page.select_option("select[name='action']", "publish")
    page.locator("button[name='index'], button.button[type='submit']").first.click()
    expect(page.locator(".messagelist")).to_contain_text("1")

    page.goto(f"{site}/news/")
    page.locator(".article-item__title a", has_text=draft.title).click()
    expect(page.locator(".article__body")).to_contain_text("简报正文")
