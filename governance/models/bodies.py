"""The association's bodies (congress of members, council, standing council, committees, and a branch's own),
their terms (届), the positions people hold in a term, and the mandates that say who held which position when."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.dates import sensible_dates, validate_sensible_date
from core.i18n.translation import TranslatedMixin, localized
from core.media.uploads import CleanImageField, validate_image


class Position(TranslatedMixin, models.Model):
    """An office held in a body, in protocol order (president first; council member last)."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    translated_fields = ("name",)
    order = models.PositiveSmallIntegerField(_("protocol order"), default=0)
    leading = models.BooleanField(
        _("part of the leadership"),
        default=True,
        help_text=_("Its holders are listed on the leadership page; plain council members are not."),
    )

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")

    def __str__(self):
        return localized(self, "name")


class Body(TranslatedMixin, models.Model):
    """A body of the association or of one of its branches, elected for terms."""

    class Kind(models.TextChoices):
        CONGRESS = "congress", _("Congress of members")
        COUNCIL = "council", _("Council")
        STANDING_COUNCIL = "standing", _("Standing council")
        COMMITTEE = "committee", _("Committee")

    name = models.CharField(_("name"), max_length=100)
    translated_fields = ("name", "description")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    branch = models.ForeignKey(
        "association.Branch",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bodies",
        verbose_name=_("branch"),
        help_text=_("Empty for a body of the association itself."),
    )
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["branch_id", "order", "id"]
        verbose_name = pgettext_lazy("governing body", "body")
        verbose_name_plural = _("bodies")

    def __str__(self):
        return localized(self, "name")

    def get_absolute_url(self):
        return reverse("governance:body", args=[self.pk])


class TermQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None):
        """Terms that have started and not ended: a term without an end runs until its body's next term starts."""
        on = on or timezone.localdate()
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on), starts_on__lte=on)

    def past(self, on: datetime.date | None = None):
        return self.filter(ends_on__lt=on or timezone.localdate())


class Term(models.Model):
    """One term (届) of a body, from its election to the next."""

    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="terms", verbose_name=pgettext_lazy("governing body", "body")
    )
    number = models.PositiveSmallIntegerField(_("number"), help_text=_("1 for the first term (第一届)."))
    starts_on = models.DateField(_("starts on"), validators=[validate_sensible_date])
    ends_on = models.DateField(
        _("ends on"),
        null=True,
        blank=True,
        validators=[validate_sensible_date],
        help_text=_("Empty while the term runs: it ends when the next term is elected."),
    )

    objects = TermQuerySet.as_manager()

    class Meta:
        ordering = ["body_id", "-starts_on", "-number"]
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        constraints = [
            models.UniqueConstraint(fields=["body", "number"], name="governance_term_number_unique"),
            *sensible_dates("term", days=("starts_on", "ends_on"), optional=("ends_on",)),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="governance_term_ends_after_start",
            ),
        ]

    def __str__(self):
        return str(_("%(body)s, term %(number)s") % {"body": self.body, "number": self.number})

    @property
    def label(self):
        """第二届 / Term 2, without the body's name."""
        return _("Term %(number)s") % {"number": self.number}

    def clean(self):
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A term cannot end before it starts.")})

    @property
    def is_current(self):
        today = timezone.localdate()
        return self.starts_on <= today and (self.ends_on is None or self.ends_on >= today)


class MandateQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None):
        """Held today: in a current term, and within the mandate's own dates where it has them."""
        on = on or timezone.localdate()
        return self.filter(
            Q(term__ends_on__isnull=True) | Q(term__ends_on__gte=on),
            Q(since__isnull=True) | Q(since__lte=on),
            Q(until__isnull=True) | Q(until__gte=on),
            term__starts_on__lte=on,
        )

    def past(self, on: datetime.date | None = None):
        on = on or timezone.localdate()
        return self.filter(Q(term__ends_on__lt=on) | Q(until__lt=on))

    def for_roster(self):
        return self.select_related("position", "city").order_by("position__order", "order", "id")


class Mandate(TranslatedMixin, models.Model):
    """A person holding a position in one term of a body, usually a member city's mayor. `since` and `until` are
    needed only when the person came or left within the term."""

    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="mandates", verbose_name=_("term"))
    position = models.ForeignKey(
        Position, on_delete=models.PROTECT, related_name="mandates", verbose_name=_("position")
    )
    name = models.CharField(pgettext_lazy("person", "name"), max_length=50)
    translated_fields = ("name", "affiliation", "biography")
    affiliation = models.CharField(
        _("other offices"), max_length=200, blank=True, help_text=_("E.g. mayor of a member city.")
    )
    city = models.ForeignKey(
        "members.MemberCity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mandates",
        verbose_name=_("member city"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mandates",
        verbose_name=_("account"),
        help_text=_("The account this person signs in with to vote on the desk."),
    )
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Where personal voting links are sent."))
    photo = CleanImageField(_("photo"), upload_to="leaders/", blank=True, validators=[validate_image])
    biography = models.TextField(_("short biography"), blank=True)
    since = models.DateField(_("in office since"), null=True, blank=True, validators=[validate_sensible_date])
    until = models.DateField(_("in office until"), null=True, blank=True, validators=[validate_sensible_date])
    order = models.PositiveSmallIntegerField(_("order within the position"), default=0)

    objects = MandateQuerySet.as_manager()

    class Meta:
        ordering = ["term_id", "position__order", "order", "id"]
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        constraints = [
            *sensible_dates("mandate", days=("since", "until"), optional=("since", "until")),
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(since__isnull=True) | Q(until__gte=models.F("since")),
                name="governance_mandate_until_after_since",
            ),
        ]

    def __str__(self):
        return f"{self.position} {self.name}"

    def clean(self):
        if self.until and self.since and self.until < self.since:
            raise ValidationError({"until": _("The end of office cannot be before its start.")})

    @property
    def held_since(self):
        return self.since or self.term.starts_on

    @property
    def held_until(self):
        return self.until or self.term.ends_on
