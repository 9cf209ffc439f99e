"""Numbered pages with a cap: a deep page of a long list costs what the first pages cost."""

import datetime

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import pagination
from news.models import Article
from tests.factories import CategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def long_list():
    category = CategoryFactory(slug="association-news")
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            title=f"新闻{n}",
            category=category,
            status=Article.Status.PUBLISHED,
            publish_at=now - datetime.timedelta(hours=n),
        )
        for n in range(45)
    )
    return Article.objects.published()


def page(items, number, per_page=10, max_pages=2):
    return pagination.paginate(
        RequestFactory().get("/", {"page": number}), items, per_page=per_page, max_pages=max_pages
    )


def test_a_list_longer_than_the_cap_has_only_the_first_pages(long_list):
    last = page(long_list, 2)
    assert last.paginator.capped and last.paginator.count == 20 and last.paginator.num_pages == 2
    assert [a.title for a in last.object_list][-1] == "新闻19"
    with pytest.raises(Http404):
        page(long_list, 3)


def test_a_short_list_is_not_capped(long_list):
    assert not page(long_list, 1, max_pages=10).paginator.capped


def test_counting_never_reads_past_the_cap(long_list):
    with CaptureQueriesContext(connection) as context:
        page(long_list, 2)
    count = next(q["sql"] for q in context.captured_queries if "COUNT" in q["sql"].upper())
    assert "LIMIT 21" in count


def test_the_news_list_says_how_to_reach_earlier_articles(client, long_list, monkeypatch):
    monkeypatch.setattr(pagination, "MAX_PAGES", 2)
    html = client.get("/en/news/?page=2").content.decode()
    assert "Only the first 40 items are listed" in html and "Page 2 of the first 2" in html
    assert client.get("/en/news/?page=3").status_code == 404
