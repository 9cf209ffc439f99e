"""The API's lists hold their number of queries flat from a handful of rows to 10,000 articles."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import Article
from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    DocumentFactory,
    EventFactory,
    IssueFactory,
    MemberCityFactory,
    PeriodicalFactory,
)

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/news/",
    "/api/v1/news/?page_size=100",
    "/api/v1/news/?category=news",
    "/api/v1/events/",
    "/api/v1/cities/",
    "/api/v1/documents/",
    "/api/v1/periodicals/",
    "/api/v1/periodicals/huikan/issues",
    "/api/v1/news/categories",
    "/api/v1/news/topics",
]


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def make_articles(category, count):
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            title=f"新闻{n}",
            category=category,
            status=Article.Status.PUBLISHED,
            summary="摘要。",
            publish_at=now - datetime.timedelta(minutes=n),
        )
        for n in range(count)
    )


def test_list_queries_do_not_grow_from_a_few_rows_to_ten_thousand_articles(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.API_ANONYMOUS_RATE = 1_000_000
    category = CategoryFactory(slug="news")
    periodical = PeriodicalFactory(slug="huikan")
    for n in range(3):
        ArticleFactory(category=category, tags=["城市"])
        EventFactory(host_city=MemberCityFactory())
        DocumentFactory()
        IssueFactory(periodical=periodical, year=2020 + n, number=1)
    small = {url: queries_for(client, url) for url in LISTS}

    make_articles(category, 10_000)
    for n in range(120):
        EventFactory(host_city=MemberCityFactory())
        DocumentFactory.build().save() if n < 30 else None
        IssueFactory(periodical=periodical, year=2026, number=n + 1) if n < 40 else None
    large = {url: queries_for(client, url) for url in LISTS}

    assert large == small
    assert small["/api/v1/news/"] <= 3  # the page of articles, their tags; the category tree for ?category
