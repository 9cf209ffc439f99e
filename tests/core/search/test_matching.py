"""What a query finds: words inside longer text, all words of a query, ranking, Traditional input, phrases.

Every test runs on SQLite (plain words) and on PostgreSQL (weighted tsvector); where they differ the test says so.
"""

import pytest

from tests.core.search.helpers import (
    ON_POSTGRES,
    days_ago,
    result_titles,
    search,
)
from tests.factories import DocumentFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


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
    make_article(
        title="第七届中国—东盟市长论坛",
        title_en="The China–ASEAN Mayors Forum",
        body="<p>论坛在南宁举办。</p>",
        body_en="<p>The Mayors Forum was held in Nanning.</p>",
    )

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
