"""Member cities, their mayors and liaison officers, and the awards officers receive."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.dates import sensible_dates, validate_sensible_date
from core.i18n.names import LatinNamed, latin_name_field
from core.i18n.translation import TranslatedMixin, localized
from core.integrity import IntegrityChecked
from core.media.uploads import CleanImageField, validate_image
from core.phones import validate_mobile, validate_phone
from members.models.register import MembershipLevel

phone_number = RegexValidator(
    r"^\+?[0-9][0-9 \-]{5,19}$", _("Enter a phone number: digits, with spaces or dashes if you like.")
)


class Region(TranslatedMixin, models.Model):
    """A province or autonomous region."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    translated_fields = ("name",)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return localized(self, "name")


class MemberCityQuerySet(models.QuerySet):
    def members(self):
        """Cities that are members now (active or suspended, not those that left)."""
        return self.exclude(status=MemberCity.Status.LEFT)

    def published(self):
        """The cities the public directory shows: the members."""
        return self.members()

    def counts_by_level(self):
        """[(level, label, number of member cities)] for every level, highest first (one query)."""
        counts = dict(self.members().order_by().values_list("membership_level").annotate(n=models.Count("id")))
        return [(level, label, counts.get(level, 0)) for level, label in MembershipLevel.choices]


class MemberCity(TranslatedMixin, IntegrityChecked, models.Model):
    class Level(models.TextChoices):
        PREFECTURE = "prefecture", _("Prefecture-level city")
        COUNTY = "county", _("County-level city")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")
        LEFT = "left", _("Left")

    name = models.CharField(_("name"), max_length=50)
    translated_fields = ("name", "introduction")
    integrity_fields = ("name", "introduction")
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="cities", verbose_name=_("region"))
    joined_on = models.DateField(_("joined on"), null=True, blank=True, validators=[validate_sensible_date])
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    membership_level = models.CharField(
        _("membership level"), max_length=20, choices=MembershipLevel.choices, default=MembershipLevel.MEMBER
    )
    population = models.PositiveIntegerField(
        _("population (10,000 people)"), null=True, blank=True, help_text=_("Resident population in units of 10,000.")
    )
    area = models.PositiveIntegerField(_("area (km²)"), null=True, blank=True)
    emblem = CleanImageField(_("emblem"), upload_to="members/emblems/", blank=True, validators=[validate_image])
    photo = CleanImageField(_("photo"), upload_to="members/photos/", blank=True, validators=[validate_image])
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    introduction = models.TextField(_("introduction"), blank=True)
    website = models.URLField(_("website"), blank=True)

    objects = MemberCityQuerySet.as_manager()

    class Meta:
        ordering = ["region__order", "-level", "joined_on", "name"]
        verbose_name = _("member city")
        verbose_name_plural = _("member cities")
        constraints = [*sensible_dates("membercity", days=("joined_on",), optional=("joined_on",))]

    def __str__(self):
        return localized(self, "name")

    CHINESE_SUFFIXES = ("自治县", "市", "县", "区", "州", "盟")

    @property
    def short_name(self):
        """The Chinese name without 市/县/区… (桂林市 → 桂林), the city's mark where it has no uploaded emblem."""
        for suffix in self.CHINESE_SUFFIXES:
            if self.name.endswith(suffix) and len(self.name) - len(suffix) >= 2:
                return self.name[: -len(suffix)]
        return self.name

    @property
    def is_live(self):
        """What MemberCityQuerySet.published() finds, for one city in hand."""
        return self.status != self.Status.LEFT

    def get_absolute_url(self):
        return reverse("members:city", args=[self.slug])

    def clean(self):
        if self.slug == "honours":
            raise ValidationError({"slug": _("This address is used by another page.")})


class Mayor(LatinNamed, models.Model):
    class Gender(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")

    city = models.ForeignKey(MemberCity, on_delete=models.CASCADE, related_name="mayors", verbose_name=_("city"))
    name = models.CharField(pgettext_lazy("person", "name"), max_length=50)
    name_latin = latin_name_field()
    gender = models.CharField(_("gender"), max_length=6, choices=Gender.choices)
    term_start = models.DateField(_("term start"), validators=[validate_sensible_date])
    term_end = models.DateField(_("term end"), null=True, blank=True, validators=[validate_sensible_date])

    class Meta:
        ordering = ["-term_start"]
        verbose_name = _("mayor")
        verbose_name_plural = _("mayors")
        constraints = [
            *sensible_dates("mayor", days=("term_start", "term_end"), optional=("term_end",)),
            models.CheckConstraint(
                condition=Q(term_end__isnull=True) | Q(term_end__gte=models.F("term_start")),
                name="mayor_term_end_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.city} {self.name}"


def interface_languages():
    """The site's languages, read when needed: a new one in settings needs no migration here."""
    return settings.LANGUAGES


class LiaisonOfficerQuerySet(models.QuerySet):
    def current(self):
        """Officers whose appointment has not ended and who are not deactivated."""
        today = timezone.localdate()
        return self.filter(Q(ended_on__isnull=True) | Q(ended_on__gt=today), is_active=True)


def email_used_by_another_account(email, user_id):
    """Whether an account other than `user_id`'s has this address, in any case. For a new appointment (no account
    yet) the officer account of that address is not "another": members.services.officer_account_for reuses it."""
    others = get_user_model()._default_manager.filter(email__iexact=email.strip())
    if user_id:
        return others.exclude(pk=user_id).exists()
    return others.exclude(is_staff=False, liaison_roles__isnull=False).exists()


class LiaisonOfficer(LatinNamed, models.Model):
    """A city's appointed link to the association, with the account they sign in with."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="liaison_roles", verbose_name=_("account")
    )
    city = models.ForeignKey(MemberCity, on_delete=models.PROTECT, related_name="officers", verbose_name=_("city"))
    name = models.CharField(pgettext_lazy("person", "name"), max_length=50)
    name_latin = latin_name_field()
    position = models.CharField(
        _("position in the city government"),
        max_length=100,
        help_text=_("E.g. deputy secretary-general of the city government."),
    )
    office_phone = models.CharField(_("office phone"), max_length=30, blank=True, validators=[validate_phone])
    mobile = models.CharField(_("mobile"), max_length=20, blank=True, validators=[validate_mobile])
    email = models.EmailField(_("e-mail"))
    appointed_on = models.DateField(_("appointed on"), default=timezone.localdate, validators=[validate_sensible_date])
    ended_on = models.DateField(_("ended on"), null=True, blank=True, validators=[validate_sensible_date])
    language = models.CharField(
        _("language of e-mails"), max_length=8, choices=interface_languages, default="zh-hans", blank=True
    )
    is_primary = models.BooleanField(_("primary officer"), default=True)
    is_active = models.BooleanField(_("active"), default=True)
    sms_enabled = models.BooleanField(
        _("urgent notices also by SMS"), default=False, help_text=_("Turned on by the officer, who consents.")
    )
    sms_number = models.CharField(_("mobile for SMS"), max_length=20, blank=True, editable=False)
    sms_consent_at = models.DateTimeField(_("consented to SMS at"), null=True, blank=True, editable=False)
    sms_opted_out_at = models.DateTimeField(_("turned SMS off at"), null=True, blank=True, editable=False)
    invited_at = models.DateTimeField(_("invited at"), null=True, blank=True, editable=False)

    history = HistoricalRecords(
        verbose_name=_("liaison officer record version"), verbose_name_plural=_("liaison officer record versions")
    )
    objects = LiaisonOfficerQuerySet.as_manager()

    class Meta:
        ordering = ["city__name", "-is_primary", "name"]
        verbose_name = _("liaison officer")
        verbose_name_plural = _("liaison officers")
        constraints = [
            *sensible_dates("liaisonofficer", days=("appointed_on", "ended_on"), optional=("ended_on",)),
            models.UniqueConstraint(
                fields=["city"],
                condition=Q(is_primary=True, ended_on__isnull=True, is_active=True),
                name="one_current_primary_officer_per_city",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("appointed_on")),
                name="officer_ended_after_appointed",
            ),
        ]

    def __str__(self):
        return f"{self.city} {self.name}"

    def clean(self):
        super().clean()
        if self.email and email_used_by_another_account(self.email, self.user_id):
            raise ValidationError(
                {
                    "email": _(
                        "This e-mail address already belongs to another account. Sign-in and password resets go by "
                        "e-mail, so each account needs an address of its own; ask the secretariat if it should move."
                    )
                }
            )

    @property
    def email_language(self):
        return self.language or settings.LANGUAGE_CODE

    @property
    def is_current(self):
        return self.is_active and (self.ended_on is None or self.ended_on > timezone.localdate())


class LiaisonAward(models.Model):
    officer = models.ForeignKey(
        LiaisonOfficer, on_delete=models.CASCADE, related_name="awards", verbose_name=_("officer")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(1990), MaxValueValidator(2100)])
    title = models.CharField(_("title"), max_length=100, help_text=_("E.g. outstanding liaison officer."))

    class Meta:
        ordering = ["-year", "officer__city__name"]
        verbose_name = _("liaison award")
        verbose_name_plural = _("liaison awards")
        constraints = [models.UniqueConstraint(fields=["officer", "year", "title"], name="award_once_per_year")]

    def __str__(self):
        return f"{self.year} {self.title} {self.officer.name}"
