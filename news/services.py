"""The editorial workflow: every change of an article's status goes through here."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from core.locks import atomic_with_lock_timeout
from news.models import Article, ArticleView

if TYPE_CHECKING:
    from django.contrib.auth.models import User

Status = Article.Status

# (from, to) -> permission needed
TRANSITIONS: dict[tuple[str, str], str] = {
    (Status.DRAFT, Status.REVIEW): "news.change_article",
    (Status.REVIEW, Status.DRAFT): "news.publish_article",
    (Status.DRAFT, Status.PUBLISHED): "news.publish_article",
    (Status.REVIEW, Status.PUBLISHED): "news.publish_article",
    (Status.PUBLISHED, Status.ARCHIVED): "news.publish_article",
    (Status.ARCHIVED, Status.PUBLISHED): "news.publish_article",
}


@atomic_with_lock_timeout
def _transition(*, article: Article, to: Status, by: User, comment: str | None = None) -> Article:
    article = Article.objects.select_for_update().get(pk=article.pk)
    permission = TRANSITIONS.get((article.status, to))
    if permission is None:
        raise ValidationError(
            _("An article that is %(current)s cannot become %(target)s.")
            % {"current": article.get_status_display(), "target": Status(to).label}
        )
    if not by.has_perm(permission):
        raise PermissionDenied(_("You may not do this to articles."))
    article.status = to
    if comment is not None:
        article.review_comment = comment
    article._change_reason = f"{Status(to).label}"  # type: ignore[attr-defined]  # read by django-simple-history
    article.save()
    return article


STEPS = {"submit": Status.REVIEW, "publish": Status.PUBLISHED, "send_back": Status.DRAFT, "archive": Status.ARCHIVED}


def article_may(*, article: Article, step: str, by: User) -> bool:
    """Whether this step of the workflow is open to `by` for this article now (the buttons shown ask this)."""
    permission = TRANSITIONS.get((article.status, STEPS[step]))
    if step == "send_back" and article.status != Status.REVIEW:
        return False
    return permission is not None and by.has_perm(permission)


def article_submit(*, article: Article, by: User) -> Article:
    """An editor hands a draft to the reviewers."""
    return _transition(article=article, to=Status.REVIEW, by=by, comment="")


def article_send_back(*, article: Article, by: User, comment: str) -> Article:
    """A reviewer returns an article to its editor with a comment saying what to change."""
    if not comment.strip():
        raise ValidationError(_("Say what should be changed."))
    return _transition(article=article, to=Status.DRAFT, by=by, comment=comment.strip())


def article_publish(*, article: Article, by: User) -> Article:
    """A reviewer publishes; a future publish time makes it appear by itself then."""
    return _transition(article=article, to=Status.PUBLISHED, by=by, comment="")


def article_archive(*, article: Article, by: User) -> Article:
    return _transition(article=article, to=Status.ARCHIVED, by=by)


def article_count_view(*, article_id: int) -> bool:
    """One more reader of a published article: an INSERT of a narrow row, no lock on the article. False when the
    article is not (or no longer) published, and nothing is counted."""
    if not Article.objects.published().filter(pk=article_id).exists():
        return False
    ArticleView.objects.create(article_id=article_id)
    return True


def view_counts_flush() -> int:
    """Add the views counted since the last flush to their articles, in one transaction: the rows taken are deleted
    as they are read (DELETE … RETURNING), so two flushes at once never add a view twice."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {ArticleView._meta.db_table} RETURNING article_id")
            counts = Counter(article_id for (article_id,) in cursor.fetchall())
        for article_id, views in counts.items():
            Article.objects.filter(pk=article_id).update(view_count=F("view_count") + views)
    return sum(counts.values())
