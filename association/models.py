"""The association itself: its profile, leadership, branches, documents and simple pages."""

import os
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.access import MembersOnlyFileMixin, Visibility, VisibilityQuerySet
from core.dates import sensible_dates, validate_sensible_date
from core.i18n.translation import TranslatedMixin, localized
from core.integrity import IntegrityChecked
from core.media.files import FileSizeMixin, private_storage
from core.media.uploads import CleanImageField, validate_document, validate_image


class Association(TranslatedMixin, models.Model):
    """The one row describing the association; edited in the admin."""

    CACHE_KEY = "association:profile"

    name = models.CharField(_("name"), max_length=100)
    translated_fields = ("name", "mission", "introduction", "supervising_bodies", "address", "office_hours")
    short_name = models.CharField(_("short name"), max_length=30, blank=True)
    mission = models.CharField(_("mission statement"), max_length=200, blank=True)
    founded_on = models.DateField(_("founded on"), null=True, blank=True, validators=[validate_sensible_date])
    introduction = models.TextField(_("introduction"), blank=True)
    supervising_bodies = models.TextField(_("supervising bodies"), blank=True, help_text=_("One per line."))
    address = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    office_hours = models.CharField(_("office hours"), max_length=100, blank=True)
    wechat_name = models.CharField(_("WeChat official account"), max_length=60, blank=True)
    wechat_qr = CleanImageField(_("WeChat QR code"), upload_to="association/", blank=True, validators=[validate_image])
    emblem = CleanImageField(_("emblem"), upload_to="association/", blank=True, validators=[validate_image])
    icp_number = models.CharField(_("ICP filing number"), max_length=50, blank=True)
    police_filing_number = models.CharField(_("public security filing number"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("association profile")
        verbose_name_plural = _("association profile")
        constraints = [*sensible_dates("association", days=("founded_on",), optional=("founded_on",))]

    def __str__(self):
        return self.name or str(_("Association profile"))

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)
        cache.delete(self.CACHE_KEY)

    def delete(self, *args, **kwargs):
        cache.delete(self.CACHE_KEY)
        return super().delete(*args, **kwargs)

    @classmethod
    def load(cls):
        """The profile (cached), or an empty unsaved one so pages render before it is filled in."""
        profile = cache.get(cls.CACHE_KEY)
        if profile is None:
            profile = cls.objects.filter(pk=1).first() or cls()
            cache.set(cls.CACHE_KEY, profile, 600)
        return profile

    @property
    def supervising_bodies_list(self):
        return [line.strip() for line in self.i18n.supervising_bodies.splitlines() if line.strip()]


class BranchQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Branch(TranslatedMixin, models.Model):
    """A branch (分会) of the association."""

    class Kind(models.TextChoices):
        WOMEN_MAYORS = "women", _("Women mayors' branch")
        CITY = "city", _("City branch")
        INDUSTRY = "industry", _("Industry branch")

    name = models.CharField(_("name"), max_length=100)
    translated_fields = ("name", "introduction")
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    introduction = models.TextField(_("introduction"), blank=True)
    secretariat_address = models.CharField(_("secretariat address"), max_length=200, blank=True)
    secretariat_phone = models.CharField(_("secretariat phone"), max_length=50, blank=True)
    secretariat_email = models.EmailField(_("secretariat e-mail"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)
    member_cities = models.ManyToManyField(
        "members.MemberCity", blank=True, related_name="branches", verbose_name=_("member cities")
    )

    objects = BranchQuerySet.as_manager()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("branch")
        verbose_name_plural = _("branches")
        constraints = [*sensible_dates("branch", days=("founded_on",), optional=("founded_on",))]

    def __str__(self):
        return localized(self, "name")

    def get_absolute_url(self):
        return reverse("association:branch_detail", args=[self.slug])


def section_roles():
    """The staff groups a branch's staff may hold there (core/scopes.py gives them those groups' permissions on
    the branch's content only)."""
    from core import registry
    from events.contributions import EVENT_MANAGERS
    from news.contributions import NEWS_EDITORS, NEWS_REVIEWERS

    names = {NEWS_EDITORS, NEWS_REVIEWERS, EVENT_MANAGERS}
    return [(group.name, group.label) for group in registry.staff_groups() if group.name in names]


class BranchStaff(models.Model):
    """A staff member who works for one branch: their role gives them its permissions on that branch's articles,
    meetings and documents, and nothing on the rest of the site (core/scopes.py, with django-rules)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="branch_roles", verbose_name=_("account")
    )
    branch = models.ForeignKey(Branch, on_delete=models.CASCADE, related_name="staff", verbose_name=_("branch"))
    role = models.CharField(_("role"), max_length=30, choices=section_roles)

    class Meta:
        ordering = ["branch_id", "role", "user_id"]
        verbose_name = _("branch staff member")
        verbose_name_plural = _("branch staff")
        constraints = [models.UniqueConstraint(fields=["user", "branch", "role"], name="branch_staff_once")]

    def __str__(self):
        return f"{self.branch} · {self.get_role_display()} · {self.user}"


def document_storage():
    """Members-only documents' storage (kept as this name for the migrations that refer to it)."""
    return private_storage()


def document_upload_to(instance, filename):
    extension = os.path.splitext(filename)[1].lower()
    return f"documents/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


class Document(MembersOnlyFileMixin, TranslatedMixin, IntegrityChecked, FileSizeMixin, models.Model):
    """A downloadable document: the charter, a regulation, a work report, a form..."""

    class Kind(models.TextChoices):
        CHARTER = "charter", _("Charter")
        REGULATION = "regulation", _("Regulation")
        WORK_REPORT = "report", _("Work report")
        SPEECH = "speech", _("Speech")
        FORM = "form", _("Form")
        OTHER = "other", _("Other")

    Visibility = Visibility

    title = models.CharField(_("title"), max_length=200)
    translated_fields = ("title", "description")
    integrity_fields = ("title", "description")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    issued_on = models.DateField(_("date"), validators=[validate_sensible_date])
    description = models.TextField(_("description"), blank=True)
    file = models.FileField(
        _("file"),
        upload_to=document_upload_to,
        storage=document_storage,
        max_length=200,
        validators=[validate_document],
    )
    file_size = models.PositiveBigIntegerField(_("file size"), default=0, editable=False)
    visibility = models.CharField(_("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC)
    branch = models.ForeignKey(
        Branch,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("branch"),
        help_text=_("A branch's document: listed on the branch's site as well."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = VisibilityQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("view_members_only_document", _("Can download members-only documents"))]
        indexes = [models.Index(fields=["kind", "-issued_on"])]
        constraints = [*sensible_dates("document", days=("issued_on",))]

    def __str__(self):
        return self.title

    # Every document is listed (a members-only one for members and staff: its visibility, not its publication).
    is_live = True

    def get_download_url(self):
        return reverse("association:document_download", args=[self.pk])


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.all()


class Page(TranslatedMixin, IntegrityChecked, models.Model):
    """A simple page staff edit in the admin: the about text, contact directions, the privacy notice."""

    RESERVED_SLUGS = {"leadership", "branches"}

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=100)
    translated_fields = ("title", "body")
    integrity_fields = ("title", "body")
    body = models.TextField(_("text"), help_text=_("Plain text; blank lines separate paragraphs."))
    show_in_footer = models.BooleanField(_("link in footer"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PageQuerySet.as_manager()
    # Every page staff keep is public: a page is taken down by deleting it.
    is_live = True

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self):
        return localized(self, "title")

    def clean(self):
        if self.slug in self.RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is used by another page.")})

    def get_absolute_url(self):
        if self.slug == "about":
            return reverse("association:about")
        if self.slug == "contact":
            return reverse("association:contact")
        return reverse("association:page", args=[self.slug])
