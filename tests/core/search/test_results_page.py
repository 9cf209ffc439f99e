"""The results page: kind tabs and filters, pagination, English pages, query counts, the header box, Chinese
interface."""

import datetime
import re

import pytest

from core.search import query as search_query
from events.models import EventSeries
from members.models import MemberCity
from news.models import Category
from tests.core.search.helpers import (
    ON_POSTGRES,
    days_ago,
    kind_counts,
    result_links,
    result_titles,
    search,
)
from tests.factories import DocumentFactory, MemberCityFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


# --- 10. filters and kind tabs ----------------------------------------------------------------------------------


@pytest.fixture
def one_of_each_kind(make_article, make_event):
    make_article(title="联络员新闻甲", publish_at=datetime.datetime(2024, 5, 1, 12, tzinfo=datetime.UTC))
    make_article(title="联络员新闻乙", publish_at=datetime.datetime(2023, 5, 1, 12, tzinfo=datetime.UTC))
    make_event(title="联络员会议", starts_at=datetime.datetime(2025, 9, 1, 9, tzinfo=datetime.UTC))
    MemberCityFactory(name="北海市", introduction="北海市联络员。", joined_on=datetime.date(2005, 6, 18))
    DocumentFactory(title="联络员工作规则", issued_on=datetime.date(2024, 6, 1))


def test_kind_city_shows_only_cities(client, one_of_each_kind):
    response = search(client, q="联络员", kind="city")

    assert result_titles(response) == ["北海市"]
    assert result_links(response) == [f"/members/{MemberCity.objects.get().slug}/"]


@pytest.mark.parametrize(
    "kind, titles",
    [
        ("article", ["联络员新闻甲", "联络员新闻乙"]),
        ("event", ["联络员会议"]),
        ("document", ["联络员工作规则"]),
    ],
)
def test_each_kind_filter_shows_only_its_kind(client, one_of_each_kind, kind, titles):
    assert result_titles(search(client, q="联络员", kind=kind)) == titles


def test_the_kind_tabs_count_every_kind_whichever_is_shown(client, one_of_each_kind):
    expected = {"article": 2, "event": 1, "city": 1, "issue": 0, "document": 1}

    assert kind_counts(search(client, q="联络员")) == expected
    assert kind_counts(search(client, q="联络员", kind="city")) == expected


def test_the_kind_tabs_keep_the_query_and_mark_the_current_kind(client, one_of_each_kind):
    nav = parse(search(client, q="联络员", kind="event")).find("nav", class_="search-kinds")

    current = nav.find("a", aria_current="true")
    assert current["href"] == "?q=%E8%81%94%E7%BB%9C%E5%91%98&kind=event"
    assert current.find("span", class_="search-kinds__count").text == "1"


def test_the_year_filter(client, one_of_each_kind):
    assert sorted(result_titles(search(client, q="联络员", year="2024"))) == ["联络员工作规则", "联络员新闻甲"]
    assert result_titles(search(client, q="联络员", year="2023")) == ["联络员新闻乙"]
    assert result_titles(search(client, q="联络员", year="2005")) == ["北海市"]
    assert kind_counts(search(client, q="联络员", year="2024")) == {
        "article": 1,
        "event": 0,
        "city": 0,
        "issue": 0,
        "document": 1,
    }


def test_the_year_is_the_year_in_china(client, make_article):
    """Published at 00:30 on New Year's Day in Beijing: still 2023 in UTC, but 2024 on the page."""
    make_article(
        title="联络员新年献词",
        publish_at=datetime.datetime(2024, 1, 1, 0, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=8))),
    )

    assert result_titles(search(client, q="联络员", year="2024")) == ["联络员新年献词"]
    assert result_titles(search(client, q="联络员", year="2023")) == []


def test_the_category_filter_includes_child_categories_and_only_news(client, make_article, make_event):
    parent = Category.objects.create(name="城市交流", slug="city-exchange")
    child = Category.objects.create(name="联络工作", slug="liaison-work", parent=parent)
    grandchild = Category.objects.create(name="培训", slug="training", parent=child)
    other = Category.objects.create(name="通知公告", slug="notices")
    make_article(title="联络员在父栏目", category=parent)
    make_article(title="联络员在子栏目", category=child)
    make_article(title="联络员在孙栏目", category=grandchild)
    make_article(title="联络员在别的栏目", category=other)
    make_event(title="联络员会议")

    assert sorted(result_titles(search(client, q="联络员", category="city-exchange"))) == [
        "联络员在子栏目",
        "联络员在孙栏目",
        "联络员在父栏目",
    ]
    assert result_titles(search(client, q="联络员", category="training")) == ["联络员在孙栏目"]
    assert result_titles(search(client, q="联络员", category="notices")) == ["联络员在别的栏目"]


# --- 11. pagination -----------------------------------------------------------------------------------------------


def test_results_come_twenty_to_a_page(client, make_article):
    for n in range(25):
        make_article(title=f"联络员新闻{n:02d}", publish_at=days_ago(n + 1))

    first, second = search(client, "/en", q="联络员"), search(client, "/en", q="联络员", page="2")

    assert result_titles(first) == [f"联络员新闻{n:02d}" for n in range(20)]
    assert result_titles(second) == [f"联络员新闻{n:02d}" for n in range(20, 25)]
    assert "25 results" in parse(second).find("p", class_="search__summary").text
    assert parse(second).find("a", rel="prev")["href"] == "?q=%E8%81%94%E7%BB%9C%E5%91%98&page=1"
    assert search(client, q="联络员", page="3").status_code == 404


# --- 12. English pages ----------------------------------------------------------------------------------------------


def test_the_english_search_page_shows_english_titles_where_there_are_any(client, make_article, make_event):
    make_article(
        title="第七届中国—东盟市长论坛成功举办", title_en="7th China–ASEAN Mayors' Forum held", publish_at=days_ago(1)
    )
    make_article(title="市长论坛筹备会召开", publish_at=days_ago(2))
    series = EventSeries.objects.create(name="中国—东盟市长论坛", name_en="China–ASEAN Mayors' Forum", slug="forum")
    make_event(title="", series=series, edition=8, starts_at=days_ago(400))

    response = search(client, prefix="/en", q="市长论坛")

    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()
    assert result_titles(response) == [
        "7th China–ASEAN Mayors' Forum held",
        "市长论坛筹备会召开",
        "No. 8 China–ASEAN Mayors' Forum",
    ]
    headings = parse(response).find_all("h2", class_="search-result__title")
    labelled = [heading.find("a").text for heading in headings if heading.find("span", class_="label-language")]
    assert labelled == ["市长论坛筹备会召开"]
    assert headings[1].find("a")["lang"] == "zh-Hans" and not headings[0].find("a").get("lang")


def test_the_english_search_page_shows_english_snippets_where_there_are_any(client, make_article):
    make_article(
        title="论坛", title_en="Forum", summary="市长论坛在南宁举办。", summary_en="The mayors' forum met in Nanning."
    )

    html = search(client, prefix="/en", q="论坛").content.decode()

    assert "The mayors&#x27; <mark>forum</mark> met in Nanning." in html or "met in Nanning." in html
    assert "市长论坛在南宁举办" not in html


def test_a_quoted_phrase_with_punctuation_in_it_finds_the_text_it_was_copied_from(client, make_article):
    make_article(
        title="论坛", title_en="The China–ASEAN Mayors' Forum opens", body="<p>总结联络工作，表彰优秀联络员。</p>"
    )
    make_article(title="别的", title_en="Mayors meet; a forum follows", body="<p>联络工作和表彰。</p>")

    for phrase in ['"Mayors\' Forum"', '"China–ASEAN Mayors"', '"联络工作，表彰优秀"']:
        found = result_titles(search(client, q=phrase))
        # SQLite, more simply, takes a phrase's words anywhere
        assert found == ["论坛"] if ON_POSTGRES else "论坛" in found


def test_an_event_is_found_by_the_english_name_of_its_host_city(client, make_event):
    city = MemberCityFactory(name="梧州市", name_en="Wuzhou")
    make_event(title="2027年会员大会", host_city=city)

    assert "2027年会员大会" in result_titles(search(client, q="Wuzhou"))


def test_old_cities_are_counted_and_listed_however_much_news_matches(client, make_article, monkeypatch):
    monkeypatch.setattr(search_query, "MAX_RESULTS", 3)
    for n in range(5):
        make_article(title=f"北海新闻{n}")
    MemberCityFactory(name="北海市", name_en="Beihai", joined_on=datetime.date(1994, 1, 1))

    page = parse(search(client, "/en", q="北海"))

    counts = {
        link["href"]: link.find("span", class_="search-kinds__count").text
        for link in page.find("nav", class_="search-kinds").find_all("a")
    }
    assert counts["?q=%E5%8C%97%E6%B5%B7&kind=city"] == "1" and counts["?q=%E5%8C%97%E6%B5%B7&kind=article"] == "3"
    assert "Beihai" in [heading.find("a").text for heading in page.find_all("h2", class_="search-result__title")]
    assert "only the newest are shown" in page.find("p", class_="search__summary").text


def test_the_english_version_is_searchable_too(client, make_article):
    make_article(title="论坛成功举办", title_en="Mayors' Forum held in Nanning")

    assert result_titles(search(client, prefix="/en", q="Nanning")) == ["Mayors' Forum held in Nanning"]
    assert result_titles(search(client, q="nanning")) == ["论坛成功举办"]


# --- 13. query count -------------------------------------------------------------------------------------------------


def make_searchable_content(scale, make_article, make_event):
    """`scale` matching items of every kind, plus as many that do not match."""
    for n in range(scale):
        make_article(title=f"联络员新闻{n}", body="<p>联络员工作会议。</p>", publish_at=days_ago(n + 1))
        make_article(title=f"其他新闻{n}", publish_at=days_ago(n + 1))
        make_event(title=f"联络员会议{n}")
        MemberCityFactory(introduction="本市联络员。")
        DocumentFactory(title=f"联络员文件{n}")
        DocumentFactory(title=f"联络员内部文件{n}", members_only=True)


@pytest.mark.parametrize(
    "url, expected",
    [
        # the matches (pk, kind, date, rank: one query), the entries of the page, the categories of the filter
        # form, the branches of the filter form, the footer pages; the association profile is cached
        ("/search/?q=联络员", 5),
        # the kind is chosen among the matches already read for the tabs: no query more
        ("/search/?q=联络员&kind=article", 5),
        # and the category by its slug, and the category tree for its sub-categories
        ("/search/?q=联络员&category=liaison", 7),
    ],
)
def test_the_number_of_queries_of_a_search_is_pinned_and_does_not_grow(
    client, django_assert_num_queries, make_article, make_event, url, expected
):
    make_searchable_content(3, make_article, make_event)
    client.get(url)  # the association profile is cached from the first request on

    with django_assert_num_queries(expected):
        small = client.get(url)

    make_searchable_content(6, make_article, make_event)  # three times as much in all

    with django_assert_num_queries(expected):
        large = client.get(url)
    assert 0 < len(result_titles(small)) < len(result_titles(large))


# --- 15. header search box --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "/zh-hant", "/en"])
def test_the_header_search_box_is_on_every_page_in_its_language(client, make_article, make_event, prefix):
    article, event = make_article(title="联络员会议"), make_event(title="联络员会议")

    for url in ("/", f"/news/{article.pk}/", f"/events/{event.pk}/"):
        response = client.get(prefix + url)
        assert response.status_code == 200
        form = parse(response).find("form", class_="site-search")
        assert form["role"] == "search" and form["method"] == "get"
        assert form["action"] == f"{prefix}/search/"
        assert form.find("input", name="q", type="search")["maxlength"] == "100"


def test_the_header_search_box_leads_to_results(client, make_article):
    make_article(title="联络员会议")
    form = parse(client.get("/en/")).find("form", class_="site-search")

    response = client.get(form["action"], {"q": "联络员"})

    assert response.status_code == 200 and result_titles(response) == ["联络员会议"]


# --- the Chinese interface --------------------------------------------------------------------------------------------

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("prefix", ["", "/zh-hant"])
def test_the_search_interface_is_in_chinese_on_chinese_pages(client, prefix):
    tips = parse(search(client, prefix))
    refused = parse(search(client, prefix, q="！！！???"))
    header = parse(client.get(prefix + "/")).find("form", class_="site-search")

    assert HAN.search(tips.find("h1").text)
    assert HAN.search(tips.find("div", class_="search-tips").find("p").text)
    assert HAN.search(refused.find("p", class_="field-error").text)
    assert HAN.search(header.find("input", name="q")["placeholder"])
