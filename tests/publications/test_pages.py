"""Periodical pages: the list of periodicals, an archive by year, an issue with its contents, its PDF."""

import datetime

import pytest
from django.utils import timezone

from publications.models import Issue
from tests.factories import (
    ArticleFactory,
    IssueEntryFactory,
    IssueFactory,
    LiaisonOfficerFactory,
    PeriodicalFactory,
)
from tests.html import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def periodical():
    return PeriodicalFactory(name="广西市长", name_en="Guangxi Mayors", slug="huikan")


def test_the_publications_page_lists_each_periodical_with_its_latest_published_issue(client, periodical):
    IssueFactory(periodical=periodical, year=2025, number=4, title="旧刊")
    IssueFactory(periodical=periodical, year=2026, number=2, title="城市更新专刊")
    IssueFactory(periodical=periodical, year=2026, number=3, title="未出版", draft=True)
    PeriodicalFactory(name="工作简报")

    response = client.get("/publications/")

    assert response.status_code == 200
    text = response.content.decode()
    assert "广西市长" in text and "工作简报" in text
    assert "城市更新专刊" in text and "未出版" not in text
    assert 'href="/publications/huikan/2026/2/"' in text


def test_the_archive_shows_the_latest_year_and_links_every_year_with_issues(client, periodical):
    IssueFactory(periodical=periodical, year=2025, number=1, title="二〇二五年刊")
    IssueFactory(periodical=periodical, year=2026, number=1, title="二〇二六年刊")

    latest = client.get("/publications/huikan/").content.decode()
    older = client.get("/publications/huikan/2025/").content.decode()

    assert "二〇二六年刊" in latest and "二〇二五年刊" not in latest
    assert 'href="/publications/huikan/2025/"' in latest
    assert "二〇二五年刊" in older and "二〇二六年刊" not in older


def test_a_year_without_issues_and_an_unknown_periodical_are_404(client, periodical):
    IssueFactory(periodical=periodical, year=2026, number=1)

    assert client.get("/publications/huikan/2019/").status_code == 404
    assert client.get("/publications/nope/").status_code == 404
    assert client.get("/publications/huikan/2026/9/").status_code == 404


def test_an_issue_lists_its_contents_and_links_only_published_articles(client, periodical):
    issue = IssueFactory(periodical=periodical, year=2026, number=3)
    published = ArticleFactory(title="联络工作会议在北海召开")
    draft = ArticleFactory(title="尚未发布的稿件", draft=True)
    IssueEntryFactory(issue=issue, title="联络工作会议在北海召开", article=published, section="特稿", order=1)
    IssueEntryFactory(issue=issue, title="尚未发布的稿件", article=draft, order=2)
    IssueEntryFactory(issue=issue, title="只在刊物上", order=3)

    page = parse(client.get("/publications/huikan/2026/3/"))

    contents = page.find("ol", class_="contents")
    links = {a.text.strip(): a.get("href") for a in contents.find_all("a")}
    assert links == {"联络工作会议在北海召开": published.get_absolute_url()}
    entries = [li.text for li in contents.find_all("li", class_="contents__entry")]
    assert any("只在刊物上" in text for text in entries) and any("尚未发布的稿件" in text for text in entries)
    assert "特稿" in contents.find("li", class_="contents__section").text


def test_an_issue_links_its_newer_and_older_neighbours(client, periodical):
    IssueFactory(periodical=periodical, year=2025, number=4)
    IssueFactory(periodical=periodical, year=2026, number=1)
    IssueFactory(periodical=periodical, year=2026, number=2)

    page = parse(client.get("/publications/huikan/2026/1/"))

    assert page.find("a", rel="prev").get("href") == "/publications/huikan/2026/2/"
    assert page.find("a", rel="next").get("href") == "/publications/huikan/2025/4/"


def test_drafts_and_issues_dated_in_the_future_are_not_shown(client, periodical):
    IssueFactory(periodical=periodical, year=2026, number=1, draft=True)
    IssueFactory(
        periodical=periodical, year=2026, number=2, published_on=timezone.localdate() + datetime.timedelta(days=3)
    )

    assert client.get("/publications/huikan/2026/1/").status_code == 404
    assert client.get("/publications/huikan/2026/2/").status_code == 404
    assert list(Issue.objects.published()) == []


def test_a_public_pdf_downloads_for_anyone(client, periodical):
    issue = IssueFactory(periodical=periodical)

    response = client.get(issue.get_download_url())

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert "public" in response["Cache-Control"]


def test_a_members_only_pdf_asks_readers_to_sign_in_and_is_never_cached_publicly(client, periodical):
    issue = IssueFactory(periodical=periodical, members_only=True)

    anonymous = client.get(issue.get_download_url())
    page = client.get(issue.get_absolute_url()).content.decode()
    client.force_login(LiaisonOfficerFactory().user)
    officer = client.get(issue.get_download_url())

    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert issue.get_download_url() not in page
    assert officer.status_code == 200
    assert officer["Cache-Control"] == "private, no-store"


def test_a_draft_issues_pdf_is_not_downloadable(client, periodical):
    issue = IssueFactory(periodical=periodical, draft=True)

    assert client.get(issue.get_download_url()).status_code == 404


def test_pages_in_english_and_traditional_chinese(client, periodical):
    IssueFactory(periodical=periodical, year=2026, number=3, title="城市更新专刊", title_en="Urban renewal")

    english = client.get("/en/publications/huikan/2026/3/").content.decode()
    traditional = client.get("/zh-hant/publications/huikan/2026/3/").content.decode()

    assert "Guangxi Mayors" in english and "Urban renewal" in english and "No. 3, 2026" in english
    assert "城市更新專刊" in traditional and "2026年第3期" in traditional


def test_issues_are_in_the_sitemap_and_the_search(client, periodical):
    IssueFactory(periodical=periodical, year=2026, number=3, title="城市更新专刊")
    IssueFactory(periodical=periodical, year=2026, number=4, title="草稿专刊", draft=True)

    sitemap = client.get("/sitemap.xml").content.decode()
    found = client.get("/search/", {"q": "城市更新专刊"}).content.decode()
    hidden = client.get("/search/", {"q": "草稿专刊"}).content.decode()

    assert "/publications/huikan/2026/3/" in sitemap and "/publications/huikan/" in sitemap
    assert "/publications/huikan/2026/4/" not in sitemap
    assert "/publications/huikan/2026/3/" in found
    assert "/publications/huikan/2026/4/" not in hidden
