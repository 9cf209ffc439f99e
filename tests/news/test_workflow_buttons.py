"""The review workflow's buttons on an article's own page (submit, send back, publish, archive), through the same
services and permissions as the bulk actions; scheduled articles read as scheduled, with their time."""

import datetime

import pytest
from django.utils import timezone

from news.models import Article

pytestmark = pytest.mark.django_db

CHANGE = "/admin/news/article/{}/change/"
STEP = "/admin/news/article/{}/workflow/{}/"


def buttons(client, article):
    return [step for step, _label in client.get(CHANGE.format(article.pk)).context["workflow_buttons"]]


def test_an_editor_submits_a_draft_from_its_page_but_cannot_publish(client, make_article, editor):
    draft = make_article(status=Article.Status.DRAFT)
    client.force_login(editor)
    assert buttons(client, draft) == ["submit"]
    assert client.post(STEP.format(draft.pk, "submit")).status_code == 302
    draft.refresh_from_db()
    assert draft.status == Article.Status.REVIEW
    client.post(STEP.format(draft.pk, "publish"))
    draft.refresh_from_db()
    assert draft.status == Article.Status.REVIEW  # refused, with a warning


def test_a_reviewer_publishes_sends_back_with_a_comment_and_archives(client, make_article, reviewer):
    article = make_article(status=Article.Status.REVIEW)
    client.force_login(reviewer)
    assert buttons(client, article) == ["publish", "send_back"]
    asks = client.post(STEP.format(article.pk, "send_back"))
    assert asks.status_code == 200 and 'name="comment"' in asks.content.decode()
    client.post(STEP.format(article.pk, "send_back"), {"comment": "请补充会议图片"})
    article.refresh_from_db()
    assert (article.status, article.review_comment) == (Article.Status.DRAFT, "请补充会议图片")
    client.post(STEP.format(article.pk, "publish"))
    client.post(STEP.format(article.pk, "archive"))
    article.refresh_from_db()
    assert article.status == Article.Status.ARCHIVED


def test_a_scheduled_article_reads_as_scheduled_with_its_time(client, make_article, reviewer):
    later = timezone.now() + datetime.timedelta(days=2)
    make_article(status=Article.Status.PUBLISHED, publish_at=later)
    client.force_login(reviewer)
    listing = client.get("/admin/news/article/").content.decode()
    assert "定时发布" in listing and f"{timezone.localtime(later):%Y-%m-%d %H:%M}" in listing
