"""English versions of content: shown on /en/ pages where staff wrote them, the Chinese with a note where not."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from events.models import Event, EventSeries
from news.models import Article
from tests.factories import (
    BranchFactory,
    CategoryFactory,
    MemberCityFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db

NOTE = "Not yet available in English: shown in Chinese."


@pytest.fixture
def meetings_category():
    """A category with an English name (unlike the shared `category`, which has none)."""
    return CategoryFactory(name="会议活动", name_en="Meetings", slug="meetings")


@pytest.fixture
def translated(meetings_category):
    return Article.objects.create(
        title="第七届中国—东盟市长论坛成功举办",
        title_en="7th China–ASEAN Mayors' Forum held",
        summary="200多位中外市长共话城市可持续发展",
        summary_en="More than 200 mayors discussed sustainable cities.",
        body="<p>论坛在南宁举办。</p>",
        body_en="<p>The forum was held in Nanning.</p>",
        category=meetings_category,
        status="published",
    )


@pytest.fixture
def chinese_only(meetings_category):
    return Article.objects.create(
        title="联络工作会议在北海召开",
        summary="总结交流联络工作",
        body="<p>会议在北海召开。</p>",
        category=meetings_category,
        status="published",
    )


def _text(html, selector_class):
    match = re.search(rf'class="{selector_class}"[^>]*>(.*?)</', html, re.S)
    return match.group(1).strip() if match else None


def test_an_article_with_an_english_version_reads_in_english_on_en(client, translated):
    html = client.get(f"/en/news/{translated.pk}/").content.decode()
    assert _text(html, "article__title") == "7th China–ASEAN Mayors&#x27; Forum held"
    assert "The forum was held in Nanning." in html and "More than 200 mayors discussed sustainable cities." in html
    assert "论坛在南宁举办" not in html and NOTE not in html
    assert "<title>7th China–ASEAN Mayors&#x27; Forum held" in html


def test_the_chinese_pages_keep_the_chinese_of_a_translated_article(client, translated):
    html = client.get(f"/news/{translated.pk}/").content.decode()
    assert _text(html, "article__title") == "第七届中国—东盟市长论坛成功举办"
    assert "论坛在南宁举办。" in html and "The forum was held in Nanning." not in html


def test_an_article_without_english_shows_the_chinese_marked_as_such_with_a_note(client, chinese_only):
    html = client.get(f"/en/news/{chinese_only.pk}/").content.decode()
    assert NOTE in html
    assert re.search(r'<h1 id="article-title" class="article__title" lang="zh-Hans">联络工作会议在北海召开</h1>', html)
    assert re.search(r'<div class="prose article__body" lang="zh-Hans"><p>会议在北海召开。</p>', html)


def test_the_english_news_list_can_be_narrowed_to_articles_in_english(client, translated, chinese_only):
    everything = client.get("/en/news/").content.decode()
    assert "7th China–ASEAN Mayors&#x27; Forum held" in everything and "联络工作会议在北海召开" in everything
    assert 'href="?english=1"' in everything
    english = client.get("/en/news/?english=1").content.decode()
    assert "7th China–ASEAN Mayors&#x27; Forum held" in english and "联络工作会议在北海召开" not in english
    assert "Show all articles" in english


def test_articles_without_english_are_labelled_in_the_english_list(client, translated, chinese_only):
    html = client.get("/en/news/").content.decode()
    items = re.findall(r'<h2 class="article-item__title">(.*?)</h2>', html, re.S)
    labelled = [item for item in items if "label-language" in item]
    assert len(items) == 2 and len(labelled) == 1 and "联络工作会议在北海召开" in labelled[0]


def test_the_chinese_news_list_offers_no_english_filter(client, translated):
    assert "english=1" not in client.get("/news/").content.decode()


def test_the_english_filter_keeps_the_year_and_starts_again_at_page_one(client, translated):
    html = client.get("/en/news/?year=2026&page=1").content.decode()
    assert 'href="?year=2026&amp;english=1"' in html


def test_the_english_list_costs_no_more_queries_than_the_chinese(client, translated, chinese_only):
    for _ in range(5):
        Article.objects.create(title="城市动态", title_en="City news", category=translated.category, status="published")
    counts = {}
    for prefix in ("", "/en"):
        client.get(f"{prefix}/news/")
        with CaptureQueriesContext(connection) as queries:
            client.get(f"{prefix}/news/")
        counts[prefix] = len(queries)
    assert counts["/en"] == counts[""]


def test_categories_are_named_in_english_in_the_english_navigation(client, translated):
    html = client.get("/en/news/").content.decode()
    assert ">Meetings<" in html and ">会议活动<" not in html


def test_the_english_feed_carries_english_titles(client, translated, chinese_only):
    feed = client.get("/en/news/feed/").content.decode()
    assert "<title>7th China–ASEAN Mayors' Forum held</title>" in feed
    assert "<title>联络工作会议在北海召开 (in Chinese)</title>" in feed  # marked, with xml:lang, until translated
    chinese_feed = client.get("/news/feed/").content.decode()
    assert "<title>第七届中国—东盟市长论坛成功举办</title>" in chinese_feed


def test_english_bodies_are_sanitised_like_the_chinese(meetings_category):
    article = Article.objects.create(
        title="标题", category=meetings_category, body_en='<p onclick="x()">Hello<script>alert(1)</script></p>'
    )
    article.refresh_from_db()
    assert article.body_en == "<p>Hello</p>"


def test_a_city_page_in_english_names_the_city_in_english_with_the_chinese_below(client):
    city = MemberCityFactory(
        name="北海市",
        name_en="Beihai",
        slug="beihai",
        introduction="北海是滨海城市。",
        introduction_en="Beihai is a coastal city.",
        region=RegionFactory(name="广西", name_en="Guangxi"),
    )
    html = client.get(f"/en/members/{city.slug}/").content.decode()
    assert '<h1 id="city-title">Beihai</h1>' in html
    assert '<p class="subtitle" lang="zh-Hans">北海市</p>' in html
    assert "Beihai is a coastal city." in html and "北海是滨海城市" not in html and ">Guangxi<" in html
    chinese = client.get(f"/members/{city.slug}/").content.decode()
    assert '<h1 id="city-title">北海市</h1>' in chinese and '<p class="subtitle" lang="en">Beihai</p>' in chinese


def test_a_city_introduction_without_english_comes_with_the_note(client):
    city = MemberCityFactory(name="东兴市", name_en="Dongxing", slug="dongxing", introduction="东兴是口岸城市。")
    html = client.get(f"/en/members/{city.slug}/").content.decode()
    assert NOTE in html and '<div class="prose" lang="zh-Hans"><p>东兴是口岸城市。</p>' in html


def test_a_branch_reads_in_english(client):
    branch = BranchFactory(
        name="女市长分会", name_en="Women Mayors' Branch", introduction="分会简介", introduction_en="About the branch"
    )
    html = client.get(f"/en/about/branches/{branch.slug}/").content.decode()
    assert "About the branch" in html and "分会简介" not in html and NOTE not in html


def test_an_edition_of_a_series_is_titled_in_english(client):
    series = EventSeries.objects.create(name="中国—东盟市长论坛", name_en="China–ASEAN Mayors' Forum", slug="forum")
    event = Event.objects.create(
        kind="forum",
        series=series,
        edition=7,
        title="数字赋能 绿色发展",
        title_en="Digital empowerment, green development",
        status="published",
        starts_at="2026-09-01T09:00+08:00",
        ends_at="2026-09-02T17:00+08:00",
        description="论坛介绍",
        description_en="About the forum",
    )
    html = client.get(f"/en/events/{event.pk}/").content.decode()
    assert "China–ASEAN Mayors&#x27; Forum" in html and "Digital empowerment, green development" in html
    assert "About the forum" in html and "论坛介绍" not in html
    with translation.override("zh-hans"):
        assert "中国—东盟市长论坛" in event.display_title and "数字赋能" in event.display_title


def test_the_admin_edits_english_beside_the_chinese(admin_client, translated):
    city = MemberCityFactory()
    html = admin_client.get(f"/admin/members/membercity/{city.pk}/change/").content.decode()
    assert re.search(r'class="form-row field-name field-name_en"', html)
    assert re.search(r'class="form-row field-introduction field-introduction_en"', html)
    article_form = admin_client.get(f"/admin/news/article/{translated.pk}/change/").content.decode()
    assert (
        'name="title_en"' in article_form and 'name="body_en"' in article_form and 'name="summary_en"' in article_form
    )


def test_the_demo_content_has_english_for_some_articles_and_not_for_others():
    call_command("load_demo_data", stdout=StringIO())
    published = Article.objects.published()
    assert published.exclude(title_en="").exists() and published.filter(title_en="").exists()


def test_the_english_calendar_file_gives_the_english_venue_and_description(client):
    event = Event.objects.create(
        kind="forum",
        title="论坛",
        title_en="Forum",
        venue="南宁国际会展中心",
        venue_en="Nanning International Convention Centre",
        status="published",
        starts_at="2027-09-01T09:00+08:00",
        ends_at="2027-09-02T17:00+08:00",
        description="论坛介绍",
        description_en="About the forum",
    )
    ics = client.get(f"/en/events/{event.pk}/calendar.ics").content.decode()
    assert "SUMMARY:Forum" in ics and "Nanning International Convention Centre" in ics and "About the forum" in ics
    assert "论坛介绍" in client.get(f"/events/{event.pk}/calendar.ics").content.decode()


def test_speakers_are_introduced_in_english_on_the_english_event_page(client):
    from events.models import AgendaItem, Speaker

    event = Event.objects.create(
        kind="liaison",
        title="会议",
        title_en="Conference",
        status="published",
        starts_at="2027-09-01T09:00+08:00",
        ends_at="2027-09-02T17:00+08:00",
    )
    speaker = Speaker.objects.create(
        name="莫春林",
        name_en="Mo Chunlin",
        title="秘书长",
        title_en="Secretary-General",
        organisation="广西市长协会",
        organisation_en="Guangxi Mayors' Association",
    )
    item = AgendaItem.objects.create(
        event=event, day="2027-09-01", starts_at="09:30", title="联络工作报告", title_en="Report on liaison work"
    )
    item.speakers.add(speaker)
    html = client.get(f"/en/events/{event.pk}/").content.decode()
    assert "Mo Chunlin, Secretary-General, Guangxi Mayors&#x27; Association" in html
    assert "<strong>Mo Chunlin</strong> Secretary-General, Guangxi Mayors&#x27; Association" in html
    chinese = client.get(f"/events/{event.pk}/").content.decode()
    assert "<strong>莫春林</strong> 广西市长协会秘书长" in chinese


def test_an_edition_with_a_theme_reads_naturally_in_each_language():
    series = EventSeries.objects.create(name="中国—东盟市长论坛", name_en="China–ASEAN Mayors' Forum", slug="forum-2")
    event = Event.objects.create(
        kind="forum",
        series=series,
        edition=7,
        title="数字赋能",
        title_en="Digital empowerment",
        starts_at="2026-09-01T09:00+08:00",
        ends_at="2026-09-02T17:00+08:00",
    )
    with translation.override("en"):
        assert event.display_title == "No. 7 China–ASEAN Mayors' Forum: Digital empowerment"
    with translation.override("zh-hans"):
        assert event.display_title == "第7届中国—东盟市长论坛 数字赋能"


def test_pages_and_documents_read_in_english_where_staff_wrote_english(client):
    from association.models import Page
    from tests.factories import DocumentFactory

    Page.objects.create(
        slug="privacy",
        title="个人信息保护说明",
        title_en="Personal information",
        body="正文",
        body_en="What we collect.",
        show_in_footer=True,
    )
    Page.objects.create(slug="statement", title="网站声明", body="声明正文", show_in_footer=True)
    DocumentFactory(title="协会章程", title_en="Charter", description="章程说明", description_en="The charter.")

    footer = client.get("/en/").content.decode().split("<footer", 1)[1]
    assert ">Personal information<" in footer and ">网站声明<" in footer
    page = client.get("/en/about/privacy/").content.decode()
    assert "What we collect." in page and NOTE not in page
    untranslated = client.get("/en/about/statement/").content.decode()
    assert NOTE in untranslated and '<div class="prose" lang="zh-Hans"><p>声明正文</p>' in untranslated
    documents = client.get("/en/documents/").content.decode()
    assert ">Charter<" in documents and "The charter." in documents and "协会章程" not in documents
