"""The Content-Security-Policy allows no inline script or style: every public page and the back office's busiest
screens load in Chromium without a single violation (the `no_csp_violations` fixture fails the test on any), and
their scripts still work."""

import pytest
from django.test import Client

from events.models import Delegation, Event
from members.models import MemberCity
from news.models import Article
from tests.browser.conftest import DESKTOP, PHONE
from tests.factories import SuperUserFactory

pytestmark = pytest.mark.browser

expect = pytest.importorskip(
    "playwright.sync_api", reason="The playwright package cannot be imported: pip install -r requirements-dev.txt"
).expect


def public_pages():
    article = Article.objects.published().first()
    event = Event.objects.published().first()
    city = MemberCity.objects.first()
    return [
        "/",
        "/news/",
        f"/news/{article.pk}/",
        "/news/c/city-exchange/",
        "/events/",
        f"/events/{event.pk}/",
        "/members/",
        f"/members/{city.slug}/",
        "/members/honours/",
        "/about/",
        "/about/leadership/",
        "/about/branches/",
        "/documents/",
        "/contact/",
        "/search/?q=会议",
        "/en/",
        "/zh-hant/news/",
        "/accounts/login/",
        "/accounts/password/reset/",
    ]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_public_pages_load_without_a_violation(browser, site, viewport):
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    page = context.new_page()
    for path in public_pages():
        response = page.goto(f"{site}{path}")
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
    context.close()


def test_the_back_office_loads_its_editors_and_widgets_without_a_violation(browser, site):
    client = Client()
    client.force_login(SuperUserFactory())  # both sign-in steps done (tests/conftest.py)
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site}])
    page = context.new_page()
    article = Article.objects.published().first()
    event = Event.objects.published().first()
    delegation = Delegation.objects.first()
    for path in [
        "/admin/",
        "/admin/news/article/",
        "/admin/news/article/add/",
        f"/admin/news/article/{article.pk}/change/",
        f"/admin/news/article/{article.pk}/history/",
        f"/admin/events/event/{event.pk}/change/",
        f"/admin/events/delegation/{delegation.pk}/change/",
        f"/admin/members/membercity/{MemberCity.objects.first().pk}/change/",
        "/admin/auth/user/",
        "/admin/axes/accessattempt/",
        f"/events/{event.pk}/checkin/",
    ]:
        assert page.goto(f"{site}{path}").status == 200, path

    page.goto(f"{site}/admin/news/article/add/")
    editor = page.locator(".ProseMirror:visible").first
    editor.click()
    page.keyboard.type("正文第一段")
    expect(editor).to_contain_text("正文第一段")  # the rich-text editor runs under the policy
    context.close()
