"""A branch's own site: its news, meetings, documents, cities and council on its page in three languages, its
feeds, the news list, search and API narrowed to it, its sitemap entries, and queries that do not grow."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from core.search import index
from tests.factories import (
    ArticleFactory,
    BranchFactory,
    DocumentFactory,
    EventFactory,
    MandateFactory,
    MemberCityFactory,
    TermFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def branch():
    return BranchFactory(name="女市长分会", name_en="Women Mayors' Branch", slug="women")


def fill(branch, scale):
    """`scale` of everything a branch page shows, for the branch and for the rest of the site."""
    for n in range(scale):
        ArticleFactory(branch=branch, title=f"分会新闻{n}")
        ArticleFactory(title=f"全站新闻{n}")
        EventFactory(branch=branch, title=f"分会会议{n}")
        EventFactory(
            branch=branch,
            title=f"分会往届会议{n}",
            starts_at=timezone.now() - datetime.timedelta(days=40 + n),
            ends_at=timezone.now() - datetime.timedelta(days=39 + n),
        )
        DocumentFactory(branch=branch, title=f"分会文件{n}")
        DocumentFactory(branch=branch, title=f"分会内部文件{n}", members_only=True)
        branch.member_cities.add(MemberCityFactory())
    term = TermFactory(body__branch=branch, body__name="理事会")
    MandateFactory.create_batch(scale, term=term)
    TermFactory(body__branch=branch, body__name="港口物流专门委员会", body__kind="committee")


def test_the_branch_page_shows_its_own_news_meetings_documents_cities_and_council(client, branch):
    fill(branch, 2)
    city = branch.member_cities.first()

    page = client.get(branch.get_absolute_url()).content.decode()

    assert "分会新闻0" in page and "全站新闻0" not in page
    assert "分会会议0" in page and "分会往届会议0" in page
    assert "分会文件0" in page and "分会内部文件0" not in page  # members-only, for members
    assert city.name in page and "理事会" in page and "港口物流专门委员会" in page
    assert reverse("association:branch_feed", args=["women"]) in page


def test_members_see_the_branch_documents_for_members(client, branch, liaison_officer):
    fill(branch, 1)
    client.force_login(liaison_officer)

    assert "分会内部文件0" in client.get(branch.get_absolute_url()).content.decode()


@pytest.mark.parametrize("prefix", ["", "/zh-hant", "/en"])
def test_the_branch_page_reads_in_every_language(client, branch, prefix):
    fill(branch, 1)

    response = client.get(prefix + branch.get_absolute_url())

    assert response.status_code == 200
    if prefix == "/en":
        assert "Women Mayors&#x27; Branch" in response.content.decode()
        assert "News of the branch" in response.content.decode()


def test_the_main_news_keeps_the_branch_news(client, branch):
    fill(branch, 1)

    page = client.get(reverse("news:index")).content.decode()

    assert "分会新闻0" in page and "全站新闻0" in page


def test_the_branch_feeds_carry_only_its_news(client, branch):
    fill(branch, 2)

    rss = client.get(reverse("association:branch_feed", args=["women"]))
    atom = client.get(reverse("association:branch_atom", args=["women"]))

    assert rss["Content-Type"].startswith("application/rss+xml")
    assert atom["Content-Type"].startswith("application/atom+xml")
    for feed in (rss.content.decode(), atom.content.decode()):
        assert "分会新闻0" in feed and "分会新闻1" in feed and "全站新闻0" not in feed
    assert client.get(reverse("association:branch_feed", args=["nope"])).status_code == 404


def test_the_news_list_narrows_to_a_branch_and_refuses_an_unknown_one(client, branch):
    fill(branch, 1)

    narrowed = client.get(reverse("news:index"), {"branch": "women"})
    unknown = client.get(reverse("news:index"), {"branch": "nope"})

    assert "分会新闻0" in narrowed.content.decode() and "全站新闻0" not in narrowed.content.decode()
    assert "女市长分会" in narrowed.content.decode()
    assert unknown.status_code == 400 and "没有这个分会" in unknown.content.decode()


def test_the_site_search_narrows_to_a_branch(client, branch):
    ArticleFactory(branch=branch, title="儿童友好城市论坛")
    ArticleFactory(title="儿童友好社区建设")
    for article in branch.articles.all():
        index.update(article)

    everything = client.get(reverse("association:search"), {"q": "儿童友好"}).content.decode()
    narrowed = client.get(reverse("association:search"), {"q": "儿童友好", "branch": "women"}).content.decode()
    unknown = client.get(reverse("association:search"), {"q": "儿童友好", "branch": "nope"})

    assert "社区建设" in everything and "城市论坛" in everything
    assert "城市论坛" in narrowed and "社区建设" not in narrowed
    assert unknown.status_code == 400


def test_the_api_narrows_news_events_and_documents_to_a_branch(client, branch):
    fill(branch, 2)

    news = client.get("/api/v1/news/", {"branch": "women"}).json()
    events = client.get("/api/v1/events/", {"branch": "women"}).json()
    documents = client.get("/api/v1/documents/", {"branch": "women"}).json()

    assert {item["title"] for item in news["results"]} == {"分会新闻0", "分会新闻1"}
    assert {item["title"] for item in events["results"]} == {"分会会议0", "分会会议1", "分会往届会议0", "分会往届会议1"}
    assert {item["title"] for item in documents["results"]} == {"分会文件0", "分会文件1"}
    assert client.get("/api/v1/news/", {"branch": "nope"}).status_code == 404


def test_the_sitemap_lists_the_branch_and_its_bodies(client, branch):
    fill(branch, 1)
    body = branch.bodies.first()

    sitemap = client.get("/sitemap.xml").content.decode()

    assert branch.get_absolute_url() in sitemap and body.get_absolute_url() in sitemap


def test_a_new_branch_article_shows_on_the_cached_branch_page_at_once(client, branch, settings):
    fill(branch, 1)
    client.get(branch.get_absolute_url())  # cached now
    ArticleFactory(branch=branch, title="刚发布的分会新闻")

    assert "刚发布的分会新闻" in client.get(branch.get_absolute_url()).content.decode()
    cache.clear()


def queries(client, url, django_assert_num_queries, expected):
    client.get(url)
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("scale", [1, 12])
def test_the_branch_page_query_count_is_pinned_at_two_sizes(client, branch, django_assert_num_queries, scale):
    fill(branch, scale)
    # news, upcoming and past meetings, documents, cities, bodies, their current terms and members, footer pages
    queries(client, branch.get_absolute_url(), django_assert_num_queries, 10)


@pytest.mark.parametrize("scale", [1, 12])
def test_the_body_page_query_count_is_pinned_at_two_sizes(client, branch, django_assert_num_queries, scale):
    fill(branch, scale)
    term = branch.bodies.get(name="理事会").terms.get()
    TermFactory(body=term.body, starts_on="2010-01-01", ends_on="2015-12-31")
    for past in term.body.terms.exclude(pk=term.pk):
        MandateFactory.create_batch(scale, term=past)
    # body, current term, its roster, past terms with their rosters (two), resolutions, footer pages
    queries(client, term.body.get_absolute_url(), django_assert_num_queries, 7)
