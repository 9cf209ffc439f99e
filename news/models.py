"""News: a category tree, articles with an editorial workflow, their images and attachments, topics."""

import os
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from core.dates import sensible_dates, validate_sensible_date
from core.i18n.translation import TranslatedMixin, columns, localized
from core.integrity import IntegrityChecked
from core.media.files import FileSizeMixin
from core.media.images import Photo, RenditionsMixin
from core.media.uploads import CleanImageField, validate_document, validate_image
from news.sanitize import sanitize_html

EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"protocols": ["http", "https", "mailto"], "enableTarget": False},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "Image": True,
    "Figure": {"pickerUrl": reverse_lazy("admin:news_body_image")},
    "Caption": True,
    "History": True,
}


def image_upload_to(instance, filename):
    extension = os.path.splitext(filename)[1].lower() or ".jpg"
    return f"news/originals/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


def attachment_upload_to(instance, filename):
    extension = os.path.splitext(filename)[1].lower()
    return f"news/attachments/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


class Category(TranslatedMixin, models.Model):
    name = models.CharField(_("name"), max_length=50)
    translated_fields = ("name", "description")
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("parent")
    )
    description = models.CharField(_("description"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    show_on_home = models.BooleanField(_("column on the home page"), default=False)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return localized(self, "name")

    def clean(self):
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A category cannot be inside itself.")})
            ancestor = ancestor.parent

    def get_absolute_url(self):
        return reverse("news:category", args=[self.slug])

    def family_ids(self):
        """This category and all below it (categories are few: one query for the whole tree)."""
        children = {}
        for pk, parent_id in Category.objects.values_list("pk", "parent_id"):
            children.setdefault(parent_id, []).append(pk)
        ids, stack = [], [self.pk]
        while stack:
            pk = stack.pop()
            ids.append(pk)
            stack.extend(children.get(pk, []))
        return ids


class ArticleQuerySet(models.QuerySet):
    """ "Published" is defined here and in Article.is_released/is_live, nowhere else."""

    def released(self):
        """Passed by a reviewer, whether its publish time has come or not (the search index holds these,
        each visible from its publish time)."""
        return self.filter(status=Article.Status.PUBLISHED)

    def published(self):
        """Released and due: a future publish time makes an article appear by itself, no cron."""
        return self.released().filter(publish_at__lte=timezone.now())

    def for_listing(self):
        return self.select_related("category", "category__parent").defer(*columns("body"))

    def in_category(self, category):
        return self.filter(category_id__in=category.family_ids())

    def with_root_category(self):
        return self.annotate(root_category_id=Coalesce("category__parent_id", "category_id"))


class Article(TranslatedMixin, IntegrityChecked, RenditionsMixin, models.Model):
    IMAGE_FIELD = "cover"

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    title = models.CharField(_("title"), max_length=200)
    subtitle = models.CharField(_("subtitle"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, blank=True, allow_unicode=True)
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="articles", verbose_name=_("category")
    )
    tags = TaggableManager(_("tags"), blank=True)
    summary = models.TextField(_("summary"), max_length=500, blank=True)
    body = ProseEditorField(_("body"), extensions=EDITOR_EXTENSIONS, sanitize=sanitize_html, blank=True)
    translated_fields = ("title", "subtitle", "summary", "body", "source", "author")
    integrity_fields = ("title", "subtitle", "summary", "body", "source", "author", "editor")
    cover = CleanImageField(_("cover image"), upload_to=image_upload_to, blank=True, validators=[validate_image])
    cover_alt = models.CharField(_("cover image description"), max_length=200, blank=True)
    source = models.CharField(_("source"), max_length=100, blank=True)
    author = models.CharField(_("author"), max_length=100, blank=True)
    editor = models.CharField(_("editor"), max_length=100, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        _("publish at"), default=timezone.now, db_index=True, validators=[validate_sensible_date]
    )
    pinned = models.BooleanField(_("headline"), default=False, help_text=_("Shown in the headlines on the home page."))
    view_count = models.PositiveBigIntegerField(_("views"), default=0, editable=False)
    related_cities = models.ManyToManyField(
        "members.MemberCity", blank=True, related_name="articles", verbose_name=_("related member cities")
    )
    related_event = models.ForeignKey(
        "events.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("related event"),
    )
    branch = models.ForeignKey(
        "association.Branch",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("branch"),
        help_text=_(
            "A branch's news, shown on its site and in all the news; the branch's editors and reviewers handle it."
        ),
    )
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    wechat_key = models.CharField(
        _("WeChat article id"),
        max_length=200,
        blank=True,
        editable=False,
        help_text=_("Set when imported from WeChat."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords(
        excluded_fields=["view_count", "renditions"],
        verbose_name=_("article version"),
        verbose_name_plural=_("article versions"),
    )
    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [("publish_article", _("Can publish, archive and send back articles"))]
        indexes = [
            models.Index(fields=["status", "-publish_at"]),
            models.Index(fields=["category", "status", "-publish_at"]),
            # The home page's carousel: the few pinned articles, found without walking the whole archive.
            models.Index(fields=["-publish_at"], condition=models.Q(pinned=True), name="news_article_pinned"),
        ]
        constraints = [
            *sensible_dates("article", moments=("publish_at",)),
            # One article per WeChat article: importing it again names the draft made the first time.
            models.UniqueConstraint(
                fields=["wechat_key"], condition=~models.Q(wechat_key=""), name="article_wechat_once"
            ),
        ]

    def __str__(self):
        return localized(self, "title")

    @property
    def views(self):
        """The views counted so far, with those not yet flushed onto the article."""
        return self.view_count + ArticleView.objects.filter(article_id=self.pk).count()

    def save(self, *args, **kwargs):
        for body in columns("body"):
            setattr(self, body, sanitize_html(getattr(self, body)))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:article", args=[self.pk])

    @property
    def is_released(self):
        return self.status == self.Status.PUBLISHED

    @property
    def is_live(self):
        """What ArticleQuerySet.published() finds, for one article in hand."""
        return self.is_released and self.publish_at <= timezone.now()


class ArticleImage(Photo):
    """A photo of an article: shown in the gallery after the body, or placed in the body from the editor, where
    it is uploaded before the article may exist (`article` empty until the article is saved; news.services)."""

    UPLOAD_FOLDER = "news/originals"

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, null=True, blank=True, related_name="images", verbose_name=_("article")
    )
    in_body = models.BooleanField(_("placed in the body"), default=False, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now, editable=False)


class Attachment(FileSizeMixin, models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("article")
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=attachment_upload_to, max_length=200, validators=[validate_document])
    file_size = models.PositiveBigIntegerField(_("file size"), default=0, editable=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title


class TopicQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Topic(RenditionsMixin, models.Model):
    """A special topic (专题): an ordered collection of articles, e.g. the year's ten major events."""

    IMAGE_FIELD = "cover"

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    cover = CleanImageField(_("cover image"), upload_to=image_upload_to, blank=True, validators=[validate_image])
    is_published = models.BooleanField(_("published"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    articles = models.ManyToManyField(Article, through="TopicEntry", related_name="topics", verbose_name=_("articles"))

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["order", "-id"]
        verbose_name = _("special topic")
        verbose_name_plural = _("special topics")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:topic", args=[self.slug])


class TopicEntry(models.Model):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="entries", verbose_name=_("special topic"))
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+", verbose_name=_("article"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("article in the topic")
        verbose_name_plural = _("articles in the topic")
        constraints = [models.UniqueConstraint(fields=["topic", "article"], name="topic_entry_unique")]

    def __str__(self):
        return f"{self.topic} → {self.article}"


class ArticleView(models.Model):
    """One reader's view of an article, not yet added to its view_count. A view is an INSERT of this narrow row,
    never an UPDATE of the article: readers of a popular article do not queue on its row lock. The periodic flush
    (news.services.view_counts_flush) adds them to the articles and deletes them."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="+", db_constraint=False, verbose_name=_("article")
    )

    class Meta:
        verbose_name = _("view not yet counted")
        verbose_name_plural = _("views not yet counted")

    def __str__(self):
        return f"{self.article_id}"


class ReadsByMonth(models.Model):
    """The article views counted in a month, over all articles (the dashboard's reads per month): added to by each
    flush of the views, in the month of the flush."""

    month = models.DateField(_("month"), unique=True)
    views = models.PositiveBigIntegerField(_("views"), default=0)

    class Meta:
        ordering = ["month"]
        verbose_name = _("reads in a month")
        verbose_name_plural = _("reads by month")

    def __str__(self):
        return f"{self.month:%Y-%m}: {self.views}"
