import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from news import services
from news.models import Article


def test_editor_submits_a_draft_for_review(make_article, editor):
    article = make_article(status=Article.Status.DRAFT)
    assert services.article_submit(article=article, by=editor).status == Article.Status.REVIEW


def test_editor_cannot_publish(make_article, editor):
    article = make_article(status=Article.Status.REVIEW)
    with pytest.raises(PermissionDenied):
        services.article_publish(article=article, by=editor)
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW


def test_reviewer_publishes_and_archives(make_article, reviewer):
    article = make_article(status=Article.Status.REVIEW)
    assert services.article_publish(article=article, by=reviewer).status == Article.Status.PUBLISHED
    assert services.article_archive(article=article, by=reviewer).status == Article.Status.ARCHIVED


def test_reviewer_sends_back_with_a_comment(make_article, reviewer):
    article = make_article(status=Article.Status.REVIEW)
    returned = services.article_send_back(article=article, by=reviewer, comment="标题太长")
    assert (returned.status, returned.review_comment) == (Article.Status.DRAFT, "标题太长")


def test_sending_back_needs_a_comment(make_article, reviewer):
    article = make_article(status=Article.Status.REVIEW)
    with pytest.raises(ValidationError):
        services.article_send_back(article=article, by=reviewer, comment="  ")


def test_illegal_transition_raises(make_article, reviewer):
    article = make_article(status=Article.Status.DRAFT)
    with pytest.raises(ValidationError):
        services.article_archive(article=article, by=reviewer)


def test_every_change_is_kept_in_history(make_article, editor, reviewer):
    article = make_article(status=Article.Status.DRAFT)
    services.article_submit(article=article, by=editor)
    services.article_publish(article=article, by=reviewer)
    statuses = list(article.history.order_by("history_date").values_list("status", flat=True))
    assert statuses == ["draft", "review", "published"]


def test_scheduled_article_appears_by_itself(make_article):
    future = make_article(publish_at=timezone.now() + datetime.timedelta(hours=1))
    assert future not in Article.objects.published()
    future.publish_at = timezone.now() - datetime.timedelta(seconds=1)
    future.save()
    assert future in Article.objects.published()


def test_views_reach_the_article_when_flushed_and_only_once(make_article):
    article, other = make_article(), make_article()
    for pk in (article.pk, article.pk, other.pk):
        assert services.article_count_view(article_id=pk)
    assert services.view_counts_flush() == 3
    assert services.view_counts_flush() == 0
    article.refresh_from_db()
    assert (article.view_count, article.views) == (2, 2)
    assert not services.article_count_view(article_id=make_article(status=Article.Status.DRAFT).pk)
