"""Whole pages for anonymous readers (core/web/pagecache.py): served without rendering, cleared by every change to what
they show, never holding anything personal, never outliving a scheduled change."""

import datetime

import pytest
from django.utils import timezone

from config.settings.base import redis_cache
from core.web import pagecache
from events.models import Event
from news import services
from news.models import Article, ArticleView
from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    EventFactory,
    StaffUserFactory,
)
from tests.ports import free_port

# Real commits: the generation starts when a change commits, as in production.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    pagecache._cache().clear()


@pytest.fixture
def news(django_capture_on_commit_callbacks):
    category = CategoryFactory(name="协会动态", slug="association-news", show_on_home=True)
    with django_capture_on_commit_callbacks(execute=True):
        ArticleFactory(title="联络员工作会议在北海召开", category=category, status=Article.Status.PUBLISHED)
    return category


def get(client, url, **headers):
    return client.get(url, headers=headers)


def test_an_anonymous_page_is_served_from_the_cache_without_a_query(client, news, django_assert_num_queries):
    first = get(client, "/")
    assert "X-Page-Cache" not in first
    with django_assert_num_queries(0):
        second = get(client, "/")
    assert second["X-Page-Cache"] == "hit" and second.content == first.content
    # Kept here for ten minutes, by a proxy (which cannot be told of a change) for a second.
    assert second["Cache-Control"] == "public, max-age=0, s-maxage=1"
    assert "Cookie" not in second.get("Vary", "") and "Accept-Language" not in second.get("Vary", "")


def test_the_language_is_the_paths_whatever_the_browser_asks_for(client, news):
    """So a cached page need not vary by Accept-Language, and proxies keep one copy per URL."""
    english_browser = get(client, "/news/", Accept_Language="en")
    assert english_browser["Content-Language"] == "zh-hans" and "新闻" in english_browser.content.decode()
    assert get(client, "/en/news/", Accept_Language="zh-hans")["Content-Language"] == "en"


def test_the_traditional_page_is_kept_converted(client, news):
    get(client, "/zh-hant/news/")
    hit = get(client, "/zh-hant/news/")
    assert hit["X-Page-Cache"] == "hit" and "聯絡員工作會議在北海召開" in hit.content.decode()


def test_a_published_article_is_on_the_home_page_its_list_its_page_and_the_feed_at_once(
    client, news, django_capture_on_commit_callbacks
):
    reviewer = StaffUserFactory(is_superuser=True)
    draft = ArticleFactory(title="第七届中国—东盟市长论坛开幕", category=news, status=Article.Status.REVIEW)
    pages = ["/", "/news/", "/news/c/association-news/", "/news/feed/"]
    for url in pages:
        assert "第七届中国—东盟市长论坛开幕" not in get(client, url).content.decode()
        assert get(client, url)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        services.article_publish(article=draft, by=reviewer)

    for url in [*pages, f"/news/{draft.pk}/"]:
        response = get(client, url)
        assert "第七届中国—东盟市长论坛开幕" in response.content.decode(), url
        assert "X-Page-Cache" not in response


def test_a_change_of_tags_clears_the_pages(client, news, django_capture_on_commit_callbacks):
    article = Article.objects.get()
    get(client, f"/news/{article.pk}/")
    with django_capture_on_commit_callbacks(execute=True):
        article.tags.add("北海")
    assert "北海" in get(client, f"/news/{article.pk}/").content.decode()


def test_a_counted_view_does_not_clear_the_pages(client, news, django_capture_on_commit_callbacks):
    generation = pagecache.current_generation()
    with django_capture_on_commit_callbacks(execute=True):
        ArticleView.objects.create(article=Article.objects.get())
    assert pagecache.current_generation() == generation


def test_signed_in_readers_bypass_the_cache_and_their_pages_are_private(client, news, staff_user):
    get(client, "/")
    client.force_login(staff_user)
    mine = get(client, "/")
    assert "X-Page-Cache" not in mine
    client.logout()
    client.cookies.clear()
    assert staff_user.username not in get(client, "/").content.decode()


def test_a_page_for_a_session_is_never_stored_nor_shared(client, news, staff_user):
    client.force_login(staff_user)
    response = get(client, "/news/")
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    client.logout()
    client.cookies.clear()
    assert "X-Page-Cache" not in get(client, "/news/")  # the signed-in render was not stored


def test_a_page_that_sets_a_cookie_is_not_cached(client, news):
    get(client, "/accounts/login/")
    second = get(client, "/accounts/login/")
    assert "X-Page-Cache" not in second and "csrftoken" in second.cookies


def test_posts_and_heads_are_never_answered_from_the_cache(client, news):
    get(client, "/search/?q=联络员")
    assert "X-Page-Cache" not in client.head("/search/?q=联络员")
    assert "X-Page-Cache" not in client.post("/search/?q=联络员")


def test_an_unchanged_page_answers_304_to_its_etag(client, news):
    etag = get(client, "/news/")["ETag"]
    assert get(client, "/news/", If_None_Match=etag).status_code == 304


def test_no_page_outlives_the_next_scheduled_publish_time(client, news, settings, django_capture_on_commit_callbacks):
    settings.PROXY_CACHE_SECONDS = 600  # so that the header shows the page's lifetime here too
    with django_capture_on_commit_callbacks(execute=True):
        ArticleFactory(
            title="明天的新闻",
            category=news,
            status=Article.Status.PUBLISHED,
            publish_at=timezone.now() + datetime.timedelta(seconds=30),
        )
    response = get(client, "/news/")
    seconds = int(response["Cache-Control"].split("s-maxage=")[1])
    assert 25 <= seconds <= 30


def test_no_page_outlives_a_meetings_registration_deadline(client, news, settings, django_capture_on_commit_callbacks):
    settings.PROXY_CACHE_SECONDS = 600
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        EventFactory(
            status=Event.Status.PUBLISHED,
            starts_at=now + datetime.timedelta(days=3),
            ends_at=now + datetime.timedelta(days=4),
            registration_opens_at=now - datetime.timedelta(days=1),
            registration_closes_at=now + datetime.timedelta(seconds=20),
        )
    seconds = int(get(client, "/events/")["Cache-Control"].split("s-maxage=")[1])
    assert 15 <= seconds <= 20


def test_with_its_cache_down_pages_are_rendered(client, news, settings):
    settings.CACHES = {**settings.CACHES, "pages": redis_cache(f"redis://127.0.0.1:{free_port()}/0", "portal-pages")}
    assert get(client, "/").status_code == 200
    assert get(client, "/").status_code == 200


@pytest.fixture
def generations(monkeypatch):
    started = []
    real = pagecache.new_generation
    monkeypatch.setattr(pagecache, "new_generation", lambda: started.append(1) or real())
    return started


def test_a_transaction_changing_many_rows_starts_one_generation(news, generations):
    from django.db import transaction

    with transaction.atomic():
        for n in range(5):
            ArticleFactory(title=f"新闻{n}", category=news, status=Article.Status.PUBLISHED)
    assert len(generations) == 1


def test_a_change_after_a_rolled_back_savepoint_still_starts_a_generation(news, generations):
    from django.db import transaction

    with transaction.atomic():
        try:
            with transaction.atomic():
                ArticleFactory(title="撤回的新闻", category=news)
                raise RuntimeError
        except RuntimeError:
            pass
        ArticleFactory(title="保留的新闻", category=news)
    assert len(generations) == 1
