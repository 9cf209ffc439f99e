"""Fixtures for the search tests: a news category, and articles and events made published by default."""

import datetime

import pytest
from django.utils import timezone

from events.models import Event
from news.models import Article, Category
from tests.core.search.helpers import days_ago


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
        return Event.objects.create(
            title=title, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(days=1), **fields
        )

    return make
