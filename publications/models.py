"""Periodicals (会刊, 工作简报): numbered issues, each with a cover, a PDF and a table of contents."""

import os
import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from core.access import MembersOnlyFileMixin, Visibility
from core.dates import validate_sensible_date
from core.i18n.translation import TranslatedMixin, localized
from core.integrity import IntegrityChecked
from core.media.files import FileSizeMixin, private_storage
from core.media.images import RenditionsMixin
from core.media.uploads import CleanImageField, validate_image, validate_pdf


def cover_upload_to(instance, filename):
    extension = os.path.splitext(filename)[1].lower() or ".jpg"
    return f"publications/covers/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


def pdf_upload_to(instance, filename):
    return f"publications/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.pdf"


class Periodical(TranslatedMixin, models.Model):
    class Frequency(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        BIMONTHLY = "bimonthly", _("Every two months")
        QUARTERLY = "quarterly", _("Quarterly")
        IRREGULAR = "irregular", _("Irregular")

    name = models.CharField(_("name"), max_length=100)
    translated_fields = ("name", "description")
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    description = models.TextField(_("description"), blank=True)
    frequency = models.CharField(_("frequency"), max_length=12, choices=Frequency.choices, default=Frequency.IRREGULAR)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("periodical")
        verbose_name_plural = _("periodicals")

    def __str__(self):
        return localized(self, "name")

    def get_absolute_url(self):
        return reverse("publications:periodical", args=[self.slug])


class IssueQuerySet(models.QuerySet):
    def published(self):
        """Released and due: an issue dated in the future appears on its day by itself."""
        return self.filter(status=Issue.Status.PUBLISHED, published_on__lte=timezone.localdate())

    def public_files(self):
        return self.filter(visibility=Visibility.PUBLIC)


class Issue(MembersOnlyFileMixin, TranslatedMixin, IntegrityChecked, RenditionsMixin, FileSizeMixin, models.Model):
    IMAGE_FIELD = "cover"

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    Visibility = Visibility

    periodical = models.ForeignKey(
        Periodical, on_delete=models.PROTECT, related_name="issues", verbose_name=_("periodical")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(1980), MaxValueValidator(2100)])
    number = models.PositiveSmallIntegerField(_("number in the year"), validators=[MinValueValidator(1)])
    total_number = models.PositiveIntegerField(_("number since the first issue"), null=True, blank=True)
    title = models.CharField(
        _("theme"), max_length=200, blank=True, help_text=_("Optional: the theme of this issue, e.g. 城市更新专刊.")
    )
    summary = models.TextField(_("summary"), blank=True)
    translated_fields = ("title", "summary")
    integrity_fields = ("title", "summary")
    published_on = models.DateField(_("published on"), default=timezone.localdate, validators=[validate_sensible_date])
    cover = CleanImageField(_("cover"), upload_to=cover_upload_to, blank=True, validators=[validate_image])
    file = models.FileField(
        _("PDF"),
        upload_to=pdf_upload_to,
        storage=private_storage,
        max_length=200,
        blank=True,
        validators=[validate_pdf],
    )
    file_size = models.PositiveBigIntegerField(_("file size"), default=0, editable=False)
    visibility = models.CharField(
        _("who may download the PDF"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    announced_at = models.DateTimeField(_("announced to subscribers at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = IssueQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-number"]
        verbose_name = _("issue")
        verbose_name_plural = _("issues")
        constraints = [
            models.UniqueConstraint(fields=["periodical", "year", "number"], name="publications_issue_number")
        ]
        indexes = [models.Index(fields=["periodical", "status", "-year", "-number"])]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        """《广西市长》2026年第3期; "Guangxi Mayors, No. 3, 2026"."""
        return pgettext("periodical and issue", "%(periodical)s, %(label)s") % {
            "periodical": localized(self.periodical, "name"),
            "label": self.label,
        }

    @property
    def label(self):
        """第3期 (2026) in the reader's language: "2026年第3期", "No. 3, 2026"."""
        return pgettext("issue of a periodical", "No. %(number)s, %(year)s") % {
            "number": self.number,
            "year": self.year,
        }

    def get_absolute_url(self):
        return reverse("publications:issue", args=[self.periodical.slug, self.year, self.number])

    def get_download_url(self):
        return reverse("publications:issue_pdf", args=[self.pk])

    @property
    def is_live(self):
        return self.status == self.Status.PUBLISHED and self.published_on <= timezone.localdate()


class IssueEntry(TranslatedMixin, models.Model):
    """A line of an issue's table of contents, linking to the article on the site where there is one."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="entries", verbose_name=_("issue"))
    section = models.CharField(_("section"), max_length=50, blank=True, help_text=_("e.g. 特稿, 城市动态"))
    title = models.CharField(_("title"), max_length=200)
    translated_fields = ("section", "title")
    author = models.CharField(_("author"), max_length=100, blank=True)
    page = models.PositiveSmallIntegerField(_("page"), null=True, blank=True)
    article = models.ForeignKey(
        "news.Article",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("article on the site"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("table of contents entry")
        verbose_name_plural = _("table of contents")

    def __str__(self):
        return localized(self, "title")
