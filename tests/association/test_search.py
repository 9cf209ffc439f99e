"""Site-wide search (/search/): Chinese segmentation, ranking, visibility, the index following edits,
escaping, bad input, filters, pagination, English titles, query counts, the rebuild command and the
header search box.

Every test runs on SQLite (plain words) and on PostgreSQL (weighted tsvector): set DATABASE_URL to a
PostgreSQL server to run them there. Where the two databases behave differently the test says so.
"""

import datetime
import re
from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from association.models import Document
from association.search import query as search_query
from association.search import segment
from association.search.models import SearchEntry
from events.models import Event, EventSeries
from members.models import MemberCity
from news.models import Article, Category
from tests.factories import DocumentFactory, MemberCityFactory
from tests.html import parse

pytestmark = pytest.mark.django_db

ON_POSTGRES = connection.vendor == "postgresql"


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


# --- fixtures and helpers --------------------------------------------------------------------------


@pytest.fixture
def category():
    return Category.objects.create(name="联络工作", name_en="Liaison work", slug="liaison")


@pytest.fixture
def make_article(category):
    """A published article from yesterday unless told otherwise."""

    def make(title="新闻", body="<p>正文。</p>", **fields):
        fields.setdefault("category", category)
        fields.setdefault("status", Article.Status.PUBLISHED)
        fields.setdefault("publish_at", days_ago(1))
        return Article.objects.create(title=title, body=body, **fields)

    return make


@pytest.fixture
def make_event():
    """A published event a month from now unless told otherwise."""

    def make(title="会议", **fields):
        starts_at = fields.pop("starts_at", timezone.now() + datetime.timedelta(days=30))
        fields.setdefault("kind", Event.Kind.LIAISON)
        fields.setdefault("status", Event.Status.PUBLISHED)
        return Event.objects.create(title=title, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(days=1),
                                    **fields)

    return make


def search(client, prefix="", **params):
    return client.get(f"{prefix}/search/", params)


def result_titles(response):
    """The titles of the results in the order shown, as plain text."""
    assert response.status_code == 200
    return [item.find("a").text for item in parse(response).find_all("h2", class_="search-result__title")]


def result_links(response):
    return [a["href"] for h2 in parse(response).find_all("h2", class_="search-result__title") for a in h2.find_all("a")]


def kind_counts(response):
    """{"article": 2, "event": 0, ...} from the kind tabs (keyed by the kind in each tab's link)."""
    counts = {}
    for link in parse(response).find("nav", class_="search-kinds").find_all("a"):
        count = link.find("span", class_="search-kinds__count")
        kind = parse_qs(urlsplit(link["href"]).query).get("kind", [""])[0]
        if count is not None and kind:
            counts[kind] = int(count.text)
    return counts


def index_snapshot():
    return sorted(SearchEntry.objects.values_list("kind", "object_id", "title", "words"))


# --- 16. segmentation ------------------------------------------------------------------------------


def test_traditional_text_is_segmented_into_simplified_words():
    assert segment.words("聯絡員工作會議") == ["联络员", "工作", "会议"]


def test_sub_words_share_the_position_of_the_word_they_are_in():
    positioned = list(segment.positioned_words("联络员工作会议"))

    assert (1, "联络员") in positioned and (1, "联络") in positioned
    assert [word for position, word in positioned if position == 2] == ["工作"]
    assert [word for position, word in positioned if position == 3] == ["会议"]


def test_positions_start_where_asked_and_punctuation_takes_a_position_of_its_own():
    positioned = list(segment.positioned_words("联络员，会议！", start=10))

    assert positioned == [(10, "联络员"), (10, "联络"), (12, "会议")]


# --- 1. words inside longer text --------------------------------------------------------------------


@pytest.mark.parametrize("q", ["联络员", "工作", "会议"])
def test_a_word_inside_a_longer_run_of_chinese_is_found(client, make_article, q):
    make_article(title="通知", body="<p>本次联络员工作会议总结了经验。</p>")
    make_article(title="其他新闻", body="<p>城市更新论坛开幕。</p>")

    assert result_titles(search(client, q=q)) == ["通知"]


def test_a_sub_word_of_a_longer_word_is_found(client, make_article):
    make_article(title="通知", body="<p>本次联络员工作会议总结了经验。</p>")

    assert result_titles(search(client, q="联络")) == ["通知"]


def test_all_the_words_of_a_query_must_be_there(client, make_article):
    make_article(title="联络员培训", body="<p>在南宁举办。</p>")
    make_article(title="联络员会议", body="<p>在北海举办。</p>")

    assert result_titles(search(client, q="联络员 北海")) == ["联络员会议"]


# --- 2, 3. ranking ------------------------------------------------------------------------------------


def test_a_title_match_is_listed_before_a_newer_body_match(client, make_article):
    make_article(title="其他新闻", body="<p>市里召开了联络员工作会议。</p>", publish_at=days_ago(1))
    make_article(title="联络员培训班结业", body="<p>培训在南宁举办。</p>", publish_at=days_ago(30))

    assert result_titles(search(client, q="联络员")) == ["联络员培训班结业", "其他新闻"]


def test_among_equal_matches_the_newer_comes_first(client, make_article):
    make_article(title="联络员培训（上）", body="<p>培训。</p>", publish_at=days_ago(20))
    make_article(title="联络员培训（下）", body="<p>培训。</p>", publish_at=days_ago(2))
    make_article(title="联络员培训（中）", body="<p>培训。</p>", publish_at=days_ago(10))

    assert result_titles(search(client, q="联络员")) == ["联络员培训（下）", "联络员培训（中）", "联络员培训（上）"]


# --- 4. Traditional queries --------------------------------------------------------------------------


def test_a_traditional_query_finds_simplified_content_and_the_box_keeps_what_was_typed(client, make_article):
    make_article(title="联络员工作会议在北海召开")

    response = search(client, q="聯絡員")

    assert result_titles(response) == ["联络员工作会议在北海召开"]
    assert parse(response).find("input", id="id_q")["value"] == "聯絡員"
    assert "<mark>联络员</mark>" in response.content.decode()


def test_the_traditional_chinese_pages_search_too(client, make_article):
    make_article(title="联络员工作会议在北海召开")

    response = search(client, prefix="/zh-hant", q="聯絡員")

    assert result_titles(response) == ["聯絡員工作會議在北海召開"]
    assert parse(response).find("input", id="id_q")["value"] == "聯絡員"


# --- 5. phrases ------------------------------------------------------------------------------------


def test_a_quoted_phrase_finds_the_words_together_but_not_apart(client, make_article):
    make_article(title="together", body="<p>全区联络工作会议在北海召开。</p>")
    make_article(title="apart", body="<p>今年的联络工作已经完成。下半年将举行一次会议。</p>")

    assert sorted(result_titles(search(client, q="联络工作 会议"))) == ["apart", "together"]
    phrase = result_titles(search(client, q='"联络工作会议"'))
    # On SQLite, more simply, a phrase's words may be anywhere; PostgreSQL checks they are adjacent.
    assert sorted(phrase) == (["together"] if ON_POSTGRES else ["apart", "together"])


@pytest.mark.parametrize("quotes", ['"{}"', "“{}”", "「{}」"])
def test_chinese_quotation_marks_make_a_phrase_too(client, make_article, quotes):
    make_article(title="together", body="<p>全区联络工作会议在北海召开。</p>")
    make_article(title="apart", body="<p>今年的联络工作已经完成。下半年将举行一次会议。</p>")

    found = result_titles(search(client, q=quotes.format("联络工作会议")))
    assert sorted(found) == (["together"] if ON_POSTGRES else ["apart", "together"])  # SQLite: words anywhere


def test_a_traditional_phrase_finds_simplified_content(client, make_article):
    make_article(title="together", body="<p>全区联络工作会议在北海召开。</p>")

    assert result_titles(search(client, q='"聯絡工作會議"')) == ["together"]


@pytest.mark.skipif(not ON_POSTGRES, reason="SQLite matches a phrase's words anywhere: adjacency is PostgreSQL's")
def test_a_phrase_does_not_match_across_punctuation(client, make_article):
    make_article(title="comma", body="<p>总结联络工作，会议由秘书长主持。</p>")

    assert result_titles(search(client, q='"联络工作会议"')) == []


def test_a_quoted_english_phrase_finds_the_english_version(client, make_article):
    make_article(title="第七届中国—东盟市长论坛", title_en="The China–ASEAN Mayors Forum",
                 body="<p>论坛在南宁举办。</p>", body_en="<p>The Mayors Forum was held in Nanning.</p>")

    assert result_titles(search(client, q='"mayors forum"')) == ["第七届中国—东盟市长论坛"]


def test_a_phrase_finds_content_written_in_traditional_characters(client):
    DocumentFactory(title="香港代表團報告", description="介紹聯絡工作會議的情況。")

    assert result_titles(search(client, q='"联络工作会议"')) == ["香港代表團報告"]


@pytest.mark.parametrize("where", ["subtitle", "long body"])
def test_a_phrase_is_found_wherever_the_words_are_indexed(client, make_article, where):
    if where == "subtitle":
        make_article(title="甲", subtitle="全区联络工作会议召开")
    else:
        make_article(title="甲", body="<p>" + "城市发展。" * 700 + "全区联络工作会议召开。</p>")

    assert result_titles(search(client, q="联络工作 会议")) == ["甲"]  # the words are indexed
    assert result_titles(search(client, q='"联络工作会议"')) == ["甲"]


# --- 6. what an anonymous reader never finds -------------------------------------------------------------


@pytest.fixture
def hidden_and_visible(make_article, make_event):
    """One findable article and, for each reason an item must stay hidden, one item matching 联络员."""
    make_article(title="联络员公开新闻")
    make_article(title="联络员草稿", status=Article.Status.DRAFT)
    make_article(title="联络员待审稿", status=Article.Status.REVIEW)
    make_article(title="联络员已归档", status=Article.Status.ARCHIVED)
    make_article(title="联络员定时发布", publish_at=timezone.now() + datetime.timedelta(days=2))
    make_event(title="联络员草稿会议", status=Event.Status.DRAFT)
    MemberCityFactory(name="联络员退会市", status=MemberCity.Status.LEFT)
    DocumentFactory(title="联络员内部文件", members_only=True)


def test_an_anonymous_reader_finds_only_what_is_public(client, hidden_and_visible):
    response = search(client, q="联络员")

    assert result_titles(response) == ["联络员公开新闻"]
    assert kind_counts(response) == {"article": 1, "event": 0, "city": 0, "document": 0}


@pytest.mark.parametrize("kind", ["article", "event", "city", "document"])
def test_hidden_items_stay_hidden_when_asked_for_by_kind(client, hidden_and_visible, kind):
    titles = result_titles(search(client, q="联络员", kind=kind))

    assert titles == (["联络员公开新闻"] if kind == "article" else [])


def test_a_signed_in_reader_without_rights_does_not_find_members_only_documents(client, user, hidden_and_visible):
    client.force_login(user)

    assert "联络员内部文件" not in result_titles(search(client, q="联络员"))


@pytest.mark.parametrize("reader", ["staff_user", "liaison_officer"])
def test_staff_and_liaison_officers_find_members_only_documents(client, request, hidden_and_visible, reader):
    client.force_login(request.getfixturevalue(reader))

    response = search(client, q="联络员")

    assert sorted(result_titles(response)) == ["联络员公开新闻", "联络员内部文件"]
    assert len(parse(response).find_all("span", class_="badge")) == 1  # "members only", on the document


def test_a_scheduled_article_is_found_once_its_time_has_come(client, make_article):
    article = make_article(title="联络员定时发布", publish_at=timezone.now() + datetime.timedelta(days=2))
    assert result_titles(search(client, q="联络员")) == []

    # The clock cannot be moved here: bring the publication time forward directly in the table,
    # as time passing would, without a save (which would re-index).
    Article.objects.filter(pk=article.pk).update(publish_at=days_ago(1))
    SearchEntry.objects.filter(kind="article", object_id=article.pk).update(visible_from=days_ago(1))

    assert result_titles(search(client, q="联络员")) == ["联络员定时发布"]


# --- 7. the index follows edits and deletions -------------------------------------------------------------


def test_a_new_title_replaces_the_old_one_in_the_index(client, make_article):
    article = make_article(title="联络员会议召开", body="<p>正文。</p>")
    assert result_titles(search(client, q="联络员")) == ["联络员会议召开"]

    article.title = "城市更新论坛开幕"
    article.save()

    assert result_titles(search(client, q="联络员")) == []
    assert result_titles(search(client, q="城市更新")) == ["城市更新论坛开幕"]
    assert SearchEntry.objects.filter(kind="article", object_id=article.pk).count() == 1


def test_a_deleted_article_is_no_longer_found(client, make_article):
    article = make_article(title="联络员会议召开")
    article.delete()

    assert result_titles(search(client, q="联络员")) == []
    assert not SearchEntry.objects.filter(kind="article").exists()


def test_an_archived_article_is_no_longer_found(client, make_article):
    article = make_article(title="联络员会议召开")
    article.status = Article.Status.ARCHIVED
    article.save()

    assert result_titles(search(client, q="联络员")) == []
    assert not SearchEntry.objects.filter(kind="article", object_id=article.pk).exists()


def test_a_published_draft_becomes_findable(client, make_article):
    article = make_article(title="联络员会议召开", status=Article.Status.DRAFT)
    assert result_titles(search(client, q="联络员")) == []

    article.status = Article.Status.PUBLISHED
    article.save()

    assert result_titles(search(client, q="联络员")) == ["联络员会议召开"]


def test_renaming_a_series_renames_its_editions_in_the_index(client, make_event):
    series = EventSeries.objects.create(name="中国—东盟市长论坛", slug="forum")
    event = make_event(title="", series=series, edition=7)
    assert result_links(search(client, q="东盟")) == [f"/events/{event.pk}/"]

    series.name = "北部湾市长论坛"
    series.save()

    assert result_links(search(client, q="北部湾")) == [f"/events/{event.pk}/"]
    assert result_titles(search(client, q="北部湾")) == ["第7届北部湾市长论坛"]
    assert result_titles(search(client, q="东盟")) == []


def test_a_city_that_leaves_is_no_longer_found_and_a_deleted_document_neither(client):
    city = MemberCityFactory(name="北海市", introduction="北海是联络员会议的举办地。")
    document = DocumentFactory(title="联络员工作规则")
    assert len(result_titles(search(client, q="联络员"))) == 2

    city.status = MemberCity.Status.LEFT
    city.save()
    document.delete()

    assert result_titles(search(client, q="联络员")) == []
    assert not SearchEntry.objects.exists()


def test_a_document_made_members_only_disappears_for_the_public(client):
    document = DocumentFactory(title="联络员工作规则")
    document.visibility = Document.Visibility.MEMBERS
    document.save()

    assert result_titles(search(client, q="联络员")) == []


def test_unpublishing_an_event_removes_it(client, make_event):
    event = make_event(title="联络员会议")
    event.status = Event.Status.DRAFT
    event.save()

    assert result_titles(search(client, q="联络员")) == []


def test_a_cancelled_event_stays_findable(client, make_event):
    make_event(title="联络员会议", status=Event.Status.CANCELLED)

    assert result_titles(search(client, q="联络员")) == ["联络员会议"]


def test_deleting_several_articles_at_once_removes_them_all(client, make_article):
    make_article(title="联络员会议一")
    make_article(title="联络员会议二")
    kept = make_article(title="联络员会议三")

    Article.objects.exclude(pk=kept.pk).delete()  # as the admin's "delete selected" does

    assert result_titles(search(client, q="联络员")) == ["联络员会议三"]


def test_a_very_long_unbroken_word_does_not_stop_an_item_being_saved(client):
    DocumentFactory(title="联络员名单", description="校验码：" + "a1" * 1500)

    assert result_titles(search(client, q="联络员")) == ["联络员名单"]


# --- 8. escaping ---------------------------------------------------------------------------------------------


XSS_IMG = "<img src=x onerror=alert(1)>"


def test_markup_in_the_query_is_shown_escaped(client, make_article):
    make_article(title="联络员会议")

    response = search(client, q="<script>alert(1)</script>联络员")
    page = response.content.decode()

    assert response.status_code == 200
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;联络员" in page  # in the search box and the message


def test_markup_in_the_content_is_shown_escaped_with_the_match_marked(client, make_article):
    make_article(title=f"{XSS_IMG}联络员会议", summary=f"摘要{XSS_IMG}联络员")
    DocumentFactory(title=f"联络员名单{XSS_IMG}", description=f"说明{XSS_IMG}联络员工作。")
    MemberCityFactory(name="北海市", introduction=f"北海联络员{XSS_IMG}。")

    response = search(client, q="联络员")
    page = response.content.decode()

    assert len(result_titles(response)) == 3
    assert "<img src=x" not in page and "onerror=alert(1)>" not in page
    escaped = "&lt;img src=x onerror=alert(1)&gt;"
    assert f"{escaped}<mark>联络员</mark>会议" in page  # a title, markup before the match
    assert f"<mark>联络员</mark>名单{escaped}" in page  # a title, markup after the match
    assert f"说明{escaped}<mark>联络员</mark>工作" in page  # a snippet
    assert f"北海<mark>联络员</mark>{escaped}。" in page  # a snippet, markup after the match


def test_a_query_with_markup_that_matches_marks_escaped_content(client):
    DocumentFactory(title="联络员须知", description="<script>alert(1)</script> 联络员请注意。")

    response = search(client, q="<script>alert(1)</script>联络员")
    page = response.content.decode()

    assert result_titles(response) == ["联络员须知"]
    assert "<script>alert(1)" not in page
    assert "&lt;<mark>script</mark>&gt;" in page and "<mark>联络员</mark>" in page


@pytest.mark.parametrize("field, value", [
    pytest.param("kind", '"><script>alert(1)</script>', id="kind"),
    pytest.param("year", '"><script>alert(1)</script>', id="year"),
    pytest.param("category", '"><script>alert(1)</script>', id="category"),
])
def test_markup_in_a_refused_filter_is_shown_escaped(client, field, value):
    response = search(client, q="联络员", **{field: value})

    assert response.status_code == 400
    assert "<script>alert(1)" not in response.content.decode()


def test_entities_in_an_article_body_read_as_the_characters_they_stand_for(client, make_article):
    make_article(title="论坛", body="<p>中国&amp;东盟 a&lt;b 中国&nbsp;东盟联络员论坛</p>")

    snippet = parse(search(client, q="联络员")).find("p", class_="search-result__snippet")

    assert "中国&东盟 a<b" in snippet.text
    assert not re.search(r"&(amp|lt|nbsp);", snippet.text)
    for q in ("amp", "nbsp", "lt"):
        assert result_titles(search(client, q=q)) == [], q


# --- 9. bad queries ------------------------------------------------------------------------------------------


def test_an_empty_query_shows_tips_and_no_results(client, make_article):
    make_article(title="联络员会议")

    for params in ({}, {"q": ""}, {"q": "   "}):
        response = search(client, **params)
        tree = parse(response)

        assert response.status_code == 200
        assert tree.find("div", class_="search-tips") is not None
        assert tree.find("ol", class_="search-results") is None
        assert tree.find(class_="field-error") is None


@pytest.mark.parametrize("params, status, message", [
    pytest.param({"q": "！！！???"}, 400, "punctuation alone finds nothing", id="punctuation-only"),
    pytest.param({"q": "联" * 101}, 400, "under 100 characters", id="101-characters"),
    pytest.param({"q": "联络员\x00会议"}, 400, "Null characters are not allowed", id="nul-in-q"),
    pytest.param({"q": "联络员", "kind": "bogus"}, 400, "Select a valid choice", id="kind-bogus"),
    pytest.param({"q": "联络员", "year": "abc"}, 400, "Select a valid choice", id="year-abc"),
    pytest.param({"q": "联络员", "year": "1900"}, 400, "Select a valid choice", id="year-out-of-range"),
    pytest.param({"q": "联络员", "category": "no-such-slug"}, 400, "Select a valid choice", id="category-unknown"),
    pytest.param({"q": "联络员", "category": "\x00"}, 400, "Null characters are not allowed", id="nul-in-category"),
    pytest.param({"q": "联络员", "page": "999"}, 404, None, id="page-999"),
    pytest.param({"q": "联络员", "page": "abc"}, 404, None, id="page-abc"),
    pytest.param({"q": "联络员", "page": "0"}, 404, None, id="page-0"),
    pytest.param({"q": "联络员", "page": "\x00"}, 404, None, id="nul-in-page"),
])
def test_bad_input_is_refused_helpfully_and_changes_nothing(client, make_article, params, status, message):
    make_article(title="联络员会议")
    before = (index_snapshot(), Article.objects.count(), Category.objects.count())

    for prefix in ("", "/zh-hant", "/en"):
        assert search(client, prefix, **params).status_code == status
    if message:  # the English page, whose messages are all translated
        tree = parse(search(client, "/en", **params))
        errors = tree.find("form", class_="search-form").find_all(class_="field-error", role="alert")
        assert len(errors) == 1 and message in errors[0].text
        assert tree.find("ol", class_="search-results") is None
    assert (index_snapshot(), Article.objects.count(), Category.objects.count()) == before


def test_a_query_of_exactly_one_hundred_characters_is_accepted(client, make_article):
    make_article(title="联络员会议")

    assert search(client, q="联络员" + "会" * 97).status_code == 200


def test_too_many_words_are_refused(client):
    response = search(client, "/en", q=" ".join(f"词{n}" for n in range(21)))

    assert response.status_code == 400
    assert "fewer words" in response.content.decode()


def test_a_query_that_finds_nothing_says_so(client, make_article):
    make_article(title="联络员会议")

    response = search(client, "/en", q="城市更新")

    assert response.status_code == 200
    assert parse(response).find("ol", class_="search-results") is None
    assert "Nothing matches “城市更新”." in response.content.decode()


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


@pytest.mark.parametrize("kind, titles", [
    ("article", ["联络员新闻甲", "联络员新闻乙"]),
    ("event", ["联络员会议"]),
    ("document", ["联络员工作规则"]),
])
def test_each_kind_filter_shows_only_its_kind(client, one_of_each_kind, kind, titles):
    assert result_titles(search(client, q="联络员", kind=kind)) == titles


def test_the_kind_tabs_count_every_kind_whichever_is_shown(client, one_of_each_kind):
    expected = {"article": 2, "event": 1, "city": 1, "document": 1}

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
        "article": 1, "event": 0, "city": 0, "document": 1}


def test_the_year_is_the_year_in_china(client, make_article):
    """Published at 00:30 on New Year's Day in Beijing: still 2023 in UTC, but 2024 on the page."""
    make_article(title="联络员新年献词",
                 publish_at=datetime.datetime(2024, 1, 1, 0, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=8))))

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
        "联络员在子栏目", "联络员在孙栏目", "联络员在父栏目"]
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
    make_article(title="第七届中国—东盟市长论坛成功举办", title_en="7th China–ASEAN Mayors' Forum held",
                 publish_at=days_ago(1))
    make_article(title="市长论坛筹备会召开", publish_at=days_ago(2))
    series = EventSeries.objects.create(name="中国—东盟市长论坛", name_en="China–ASEAN Mayors' Forum", slug="forum")
    make_event(title="", series=series, edition=8, starts_at=days_ago(400))

    response = search(client, prefix="/en", q="市长论坛")

    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()
    assert result_titles(response) == [
        "7th China–ASEAN Mayors' Forum held", "市长论坛筹备会召开", "No. 8 China–ASEAN Mayors' Forum"]
    headings = parse(response).find_all("h2", class_="search-result__title")
    labelled = [heading.find("a").text for heading in headings if heading.find("span", class_="label-language")]
    assert labelled == ["市长论坛筹备会召开"]
    assert headings[1].find("a")["lang"] == "zh-Hans" and not headings[0].find("a").get("lang")


def test_the_english_search_page_shows_english_snippets_where_there_are_any(client, make_article):
    make_article(title="论坛", title_en="Forum", summary="市长论坛在南宁举办。", summary_en="The mayors' forum met in Nanning.")

    html = search(client, prefix="/en", q="论坛").content.decode()

    assert "The mayors&#x27; <mark>forum</mark> met in Nanning." in html or "met in Nanning." in html
    assert "市长论坛在南宁举办" not in html


def test_a_quoted_phrase_with_punctuation_in_it_finds_the_text_it_was_copied_from(client, make_article):
    make_article(title="论坛", title_en="The China–ASEAN Mayors' Forum opens", body="<p>总结联络工作，表彰优秀联络员。</p>")
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

    counts = {link["href"]: link.find("span", class_="search-kinds__count").text
              for link in page.find("nav", class_="search-kinds").find_all("a")}
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


@pytest.mark.parametrize("url, expected", [
    # the matches (pk, kind, date, rank: one query), the entries of the page, the categories of the filter
    # form, the footer pages; the association profile is cached
    ("/search/?q=联络员", 4),
    # and the matches of every kind again, for the counts on the kind tabs
    ("/search/?q=联络员&kind=article", 5),
    # and the category by its slug, and the category tree for its sub-categories
    ("/search/?q=联络员&category=liaison", 6),
])
def test_the_number_of_queries_of_a_search_is_pinned_and_does_not_grow(
        client, django_assert_num_queries, make_article, make_event, url, expected):
    make_searchable_content(3, make_article, make_event)
    client.get(url)  # the association profile is cached from the first request on

    with django_assert_num_queries(expected):
        small = client.get(url)

    make_searchable_content(6, make_article, make_event)  # three times as much in all

    with django_assert_num_queries(expected):
        large = client.get(url)
    assert 0 < len(result_titles(small)) < len(result_titles(large))


# --- 14. rebuild command -----------------------------------------------------------------------------------------------


def test_rebuild_search_index_puts_back_every_findable_item(client, make_article, make_event):
    article = make_article(title="联络员新闻")
    make_article(title="联络员草稿", status=Article.Status.DRAFT)
    event = make_event(title="联络员会议")
    make_event(title="联络员草稿会议", status=Event.Status.DRAFT)
    city = MemberCityFactory(name="北海市")
    MemberCityFactory(name="退会市", status=MemberCity.Status.LEFT)
    public, private = DocumentFactory(title="联络员文件"), DocumentFactory(title="内部文件", members_only=True)
    before = index_snapshot()
    SearchEntry.objects.all().delete()
    assert result_titles(search(client, q="联络员")) == []

    out = StringIO()
    call_command("rebuild_search_index", stdout=out)

    assert index_snapshot() == before
    assert sorted(SearchEntry.objects.values_list("kind", "object_id")) == sorted([
        ("article", article.pk), ("event", event.pk), ("city", city.pk),
        ("document", public.pk), ("document", private.pk)])
    assert "article: 1, event: 1, city: 1, document: 2" in out.getvalue()
    assert sorted(result_titles(search(client, q="联络员"))) == ["联络员会议", "联络员文件", "联络员新闻"]


def test_rebuild_search_index_drops_stale_entries(make_article):
    article = make_article(title="联络员新闻")
    SearchEntry.objects.create(kind="article", object_id=article.pk + 1000, key="x", title="已删除的文章")
    Article.objects.filter(pk=article.pk).update(title="改过的标题")  # no signal: the index is stale

    call_command("rebuild_search_index", stdout=StringIO())

    assert list(SearchEntry.objects.values_list("title", flat=True)) == ["改过的标题"]


# --- 15. header search box -----------------------------------------------------------------------------------------------


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


# --- the Chinese interface -------------------------------------------------------------------------------------------------

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


def test_a_web_worker_loads_the_word_dictionary_as_it_starts():
    import importlib

    import association.wsgi

    segment._tokenizer.cache_clear()
    importlib.reload(association.wsgi)
    assert segment._tokenizer.cache_info().currsize == 1
