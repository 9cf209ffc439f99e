"""The editorial workflow: every change of an article's status goes through here."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core import publication, scopes
from core.backoffice import figures
from core.i18n.translation import columns
from core.locks import atomic_with_lock_timeout
from core.mail import outbox
from news.contributions import NEWS_REVIEWERS, REVIEW
from news.models import Article, ArticleImage, ArticleView, Category, ReadsByMonth

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.db.models import QuerySet

Status = Article.Status

# Who may do what to an article, in one table read by these services and by the admin (news/admin.py): the
# permission each change of status needs, and the permission to edit an article in each status.
EDIT_PERMISSION: dict[str, str] = {
    Status.DRAFT: "news.change_article",
    Status.REVIEW: "news.change_article",
    Status.PUBLISHED: "news.publish_article",  # a published article is the reviewers' to change
    Status.ARCHIVED: "news.publish_article",
}
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
    if not by.has_perm(permission, article):  # the object too: a branch's staff act on their branch's articles
        raise PermissionDenied(_("You may not do this to articles."))
    article.status = to
    if comment is not None:
        article.review_comment = comment
    article._change_reason = f"{Status(to).label}"  # type: ignore[attr-defined]  # read by django-simple-history
    with publication.changing(article):  # then content_changed(article): re-indexed, cached pages out of date
        article.save()
    return article


STEPS = {"submit": Status.REVIEW, "publish": Status.PUBLISHED, "send_back": Status.DRAFT, "archive": Status.ARCHIVED}


def article_draft(*, title: str, summary: str, body: str, category: Category, by: User) -> Article:
    """A new draft written by the portal for an editor to finish and submit for review (the annual work report);
    its body is sanitised on save like every article's."""
    if not by.has_perm("news.add_article"):
        raise PermissionDenied(_("You may not write articles."))
    article = Article(
        title=title[:200],
        summary=summary[:500],
        body=body,
        category=category,
        status=Status.DRAFT,
        created_by=by,
    )
    article.full_clean(exclude=["slug"])
    article._change_reason = _("drafted from the portal's data")  # type: ignore[attr-defined]
    article.save()
    return article


def article_may_edit(*, article: Article, by: User) -> bool:
    """Whether `by` may change this article's texts (the admin's change form asks this)."""
    return by.has_perm(EDIT_PERMISSION[article.status], article)


def steps_open_to(*, by: User) -> set[str]:
    """The workflow steps `by` may take on some article (the admin offers only these as bulk actions)."""
    return {
        step
        for step, target in STEPS.items()
        if any(to == target and by.has_perm(permission) for (_from, to), permission in TRANSITIONS.items())
    }


def article_may(*, article: Article, step: str, by: User) -> bool:
    """Whether this step of the workflow is open to `by` for this article now (the buttons shown ask this)."""
    permission = TRANSITIONS.get((article.status, STEPS[step]))
    if step == "send_back" and article.status != Status.REVIEW:
        return False
    return permission is not None and by.has_perm(permission, article)


def article_submit(*, article: Article, by: User) -> Article:
    """An editor hands a draft to the reviewers, who are told by e-mail: a branch's article goes to the branch's
    reviewers (the whole site's when the branch has none), any other to the whole site's."""
    with transaction.atomic():
        article = _transition(article=article, to=Status.REVIEW, by=by, comment="")
        _tell_reviewers(article, by)
    return article


def article_reviewers(article: Article) -> QuerySet[User]:
    """Who reviews this article: its branch's reviewers, or the whole site's."""
    if article.branch_id is not None:
        branch_reviewers = scopes.staff_with_role(article.branch_id, NEWS_REVIEWERS)
        if branch_reviewers.exists():
            return branch_reviewers
    return scopes.whole_site_staff_in_group(NEWS_REVIEWERS)


def _tell_reviewers(article: Article, by: User) -> None:
    addresses = sorted({user.email for user in article_reviewers(article) if user.email and user.pk != by.pk})
    if not addresses:
        return
    context = {"article": article, "by": by.get_full_name() or by.get_username()}
    subject, body = outbox.compose("news/email/review_requested", context, "zh-hans")
    outbox.enqueue(
        kind=REVIEW.code,
        key=f"review:{article.pk}:{article.updated_at.timestamp()}",
        to=addresses,
        subject=subject,
        body=body,
        language="zh-hans",
    )


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
        if counts:
            month = timezone.localdate().replace(day=1)
            ReadsByMonth.objects.get_or_create(month=month)
            ReadsByMonth.objects.filter(month=month).update(views=F("views") + sum(counts.values()))
            figures.figures_changed()
    return sum(counts.values())


BODY_IMAGE = re.compile(r"<img\b[^>]*\bdata-file=\"(\d+)\"[^>]*>")
UNPLACED_IMAGES_KEEP_DAYS = 2


def body_image_upload(*, image: File, alt_text: str, caption: str, by: User) -> ArticleImage:
    """An image uploaded from the editor's image dialog, before its article is saved (or even exists): validated
    like every photo by the form that gave it, with its renditions made now. Its article claims it on save."""
    return ArticleImage.objects.create(
        image=image, alt_text=alt_text, caption=caption, uploaded_by=by, article=None, in_body=True
    )


def body_images_place(*, article: Article) -> None:
    """After an article is saved: the images its body (in any language) shows become its photos, and only they
    are marked as placed in the body; the others are the gallery after the body. An image another article
    already holds stays that article's."""
    shown = {int(pk) for field in columns("body") for pk in BODY_IMAGE.findall(getattr(article, field) or "")}
    ArticleImage.objects.filter(pk__in=shown, article__isnull=True).update(article=article)
    article.images.filter(pk__in=shown).update(in_body=True)
    article.images.exclude(pk__in=shown).update(in_body=False)


def unplaced_images_sweep() -> int:
    """Images uploaded from the editor into an article that was never saved: deleted after a while, with their
    files (run daily)."""
    cutoff = timezone.now() - datetime.timedelta(days=UNPLACED_IMAGES_KEEP_DAYS)
    deleted = 0
    for image in ArticleImage.objects.filter(article__isnull=True, uploaded_at__lt=cutoff):
        image.delete_with_files()
        deleted += 1
    return deleted
