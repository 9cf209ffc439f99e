"""What publishing does is read in the service that publishes: content_changed(obj) re-indexes it and starts a new
page generation; the global receivers stay for writes no service makes (admin forms, imports)."""

import pytest

from core import publication
from core.search import index
from core.search.models import SearchEntry
from core.web import pagecache
from news import services
from news.models import Article
from tests.factories import ArticleFactory, StaffUserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def reviewer():
    # A transactional test may find the groups of the data migrations flushed by an earlier one: all permissions.
    return StaffUserFactory(is_superuser=True)


def test_publishing_indexes_the_article_once_and_starts_a_new_generation(reviewer, monkeypatch, settings):
    settings.PAGE_CACHE_SECONDS = 600
    article = ArticleFactory(status=Article.Status.REVIEW, title="北海联络工作会议")
    indexed = []
    real_update = index.update
    monkeypatch.setattr(index, "update", lambda obj: indexed.append(obj.pk) or real_update(obj))
    before = pagecache.current_generation()
    services.article_publish(article=article, by=reviewer)
    assert indexed == [article.pk]  # by content_changed, not again by the save's receiver
    assert SearchEntry.objects.filter(kind="article", object_id=article.pk).exists()
    assert pagecache.current_generation() != before


def test_a_save_no_service_makes_is_still_caught_by_the_receivers(settings):
    settings.PAGE_CACHE_SECONDS = 600
    before = pagecache.current_generation()
    article = ArticleFactory(status=Article.Status.PUBLISHED, title="桂林生态城市")  # as an admin form would save it
    assert SearchEntry.objects.filter(kind="article", object_id=article.pk).exists()
    assert pagecache.current_generation() != before


def test_a_save_that_fails_announces_nothing_and_gives_the_object_back_to_the_receivers(monkeypatch):
    from core import effects

    article = ArticleFactory(status=Article.Status.PUBLISHED)
    called = []
    monkeypatch.setattr(publication, "content_changed", called.append)
    with pytest.raises(RuntimeError), publication.changing(article):
        assert effects.handled_by_a_service(article)
        raise RuntimeError
    assert called == [] and not effects.handled_by_a_service(article)
