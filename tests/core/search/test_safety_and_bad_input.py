"""Markup in queries and content is escaped; bad queries and filters are refused helpfully and change nothing."""

import re

import pytest

from news.models import Article, Category
from tests.core.search.helpers import (
    index_snapshot,
    result_titles,
    search,
)
from tests.factories import DocumentFactory, MemberCityFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


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


@pytest.mark.parametrize(
    "field, value",
    [
        pytest.param("kind", '"><script>alert(1)</script>', id="kind"),
        pytest.param("year", '"><script>alert(1)</script>', id="year"),
        pytest.param("category", '"><script>alert(1)</script>', id="category"),
    ],
)
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


@pytest.mark.parametrize(
    "params, status, message",
    [
        pytest.param({"q": "！！！???"}, 400, "punctuation alone finds nothing", id="punctuation-only"),
        pytest.param({"q": "联" * 101}, 400, "under 100 characters", id="101-characters"),
        # A NUL anywhere in a request is answered before the view (tests/core/test_bad_input.py).
        pytest.param({"q": "联络员\x00会议"}, 400, None, id="nul-in-q"),
        pytest.param({"q": "联络员", "kind": "bogus"}, 400, "Select a valid choice", id="kind-bogus"),
        pytest.param({"q": "联络员", "year": "abc"}, 400, "Select a valid choice", id="year-abc"),
        pytest.param({"q": "联络员", "year": "1900"}, 400, "Select a valid choice", id="year-out-of-range"),
        pytest.param({"q": "联络员", "category": "no-such-slug"}, 400, "Select a valid choice", id="category-unknown"),
        pytest.param({"q": "联络员", "category": "\x00"}, 400, None, id="nul-in-category"),
        pytest.param({"q": "联络员", "page": "999"}, 404, None, id="page-999"),
        pytest.param({"q": "联络员", "page": "abc"}, 404, None, id="page-abc"),
        pytest.param({"q": "联络员", "page": "0"}, 404, None, id="page-0"),
        pytest.param({"q": "联络员", "page": "\x00"}, 400, None, id="nul-in-page"),
    ],
)
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
