"""Fixtures for the news tests: articles in the shared `category` (tests/conftest.py), an editor and a reviewer."""

import pytest

from news.contributions import NEWS_REVIEWERS
from news.models import Article
from tests.factories import ArticleFactory, StaffUserFactory
from tests.news.wechat_server import wechat_server  # noqa: F401  (a fixture for the WeChat import)


@pytest.fixture
def make_article(category):
    """make_article(**fields): a published article in `category`, "联络员工作会议在北海召开", body <p>正文</p>."""

    def make(**fields):
        fields.setdefault("title", "联络员工作会议在北海召开")
        fields.setdefault("category", category)
        fields.setdefault("status", Article.Status.PUBLISHED)
        fields.setdefault("body", "<p>正文</p>")
        return ArticleFactory(**fields)

    return make


@pytest.fixture
def editor(news_editor):
    """The news editor of tests/conftest.py, under the name the news tests use."""
    return news_editor


@pytest.fixture
def reviewer(db):
    return StaffUserFactory(username="reviewer", groups=[NEWS_REVIEWERS])
