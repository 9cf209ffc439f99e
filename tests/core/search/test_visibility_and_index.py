"""Only what the reader may see is found, and the index follows edits, deletions and the rebuild command."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from association.models import Document
from core.search.models import SearchEntry
from events.models import Event, EventSeries
from members.models import MemberCity
from news.models import Article
from tests.core.search.helpers import (
    days_ago,
    index_snapshot,
    kind_counts,
    result_links,
    result_titles,
    search,
)
from tests.factories import DocumentFactory, MemberCityFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


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
    assert kind_counts(response) == {"article": 1, "event": 0, "city": 0, "issue": 0, "document": 0}


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


# --- 14. rebuild command ----------------------------------------------------------------------------------------------


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
    assert sorted(SearchEntry.objects.values_list("kind", "object_id")) == sorted(
        [
            ("article", article.pk),
            ("event", event.pk),
            ("city", city.pk),
            ("document", public.pk),
            ("document", private.pk),
        ]
    )
    assert "article: 1, event: 1, city: 1, issue: 0, document: 2" in out.getvalue()
    assert sorted(result_titles(search(client, q="联络员"))) == ["联络员会议", "联络员文件", "联络员新闻"]


def test_rebuild_search_index_drops_stale_entries(make_article):
    article = make_article(title="联络员新闻")
    SearchEntry.objects.create(kind="article", object_id=article.pk + 1000, key="x", title="已删除的文章")
    Article.objects.filter(pk=article.pk).update(title="改过的标题")  # no signal: the index is stale

    call_command("rebuild_search_index", stdout=StringIO())

    assert list(SearchEntry.objects.values_list("title", flat=True)) == ["改过的标题"]
