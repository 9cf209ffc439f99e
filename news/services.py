"""The editorial workflow: every change of an article's status goes through here."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.utils.translation import gettext as _

from core.locks import atomic_with_lock_timeout
from news.models import Article

Status = Article.Status

# (from, to) -> permission needed
TRANSITIONS = {
    (Status.DRAFT, Status.REVIEW): "news.change_article",
    (Status.REVIEW, Status.DRAFT): "news.publish_article",
    (Status.DRAFT, Status.PUBLISHED): "news.publish_article",
    (Status.REVIEW, Status.PUBLISHED): "news.publish_article",
    (Status.PUBLISHED, Status.ARCHIVED): "news.publish_article",
    (Status.ARCHIVED, Status.PUBLISHED): "news.publish_article",
}


@atomic_with_lock_timeout
def _transition(*, article, to, by, comment=None):
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
    article._change_reason = f"{Status(to).label}"
    article.save()
    return article


def article_submit(*, article, by):
    """An editor hands a draft to the reviewers."""
    return _transition(article=article, to=Status.REVIEW, by=by, comment="")


def article_send_back(*, article, by, comment):
    """A reviewer returns an article to its editor with a comment saying what to change."""
    if not comment.strip():
        raise ValidationError(_("Say what should be changed."))
    return _transition(article=article, to=Status.DRAFT, by=by, comment=comment.strip())


def article_publish(*, article, by):
    """A reviewer publishes; a future publish time makes it appear by itself then."""
    return _transition(article=article, to=Status.PUBLISHED, by=by, comment="")


def article_archive(*, article, by):
    return _transition(article=article, to=Status.ARCHIVED, by=by)


def article_count_view(*, article_id):
    """One more reader: a single UPDATE with F(), no read-modify-write and no long lock."""
    Article.objects.filter(pk=article_id).update(view_count=F("view_count") + 1)
