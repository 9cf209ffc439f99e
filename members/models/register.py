"""The member register: each member city's membership level, the decisions that changed its level or status, and
the individual members (个人会员) who share the register."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.dates import sensible_dates, validate_sensible_date
from core.phones import validate_phone


class MembershipLevel(models.TextChoices):
    """The levels of the charter, highest first (the order of the choices is the order of rank)."""

    PRESIDENT = "president", _("President unit")
    VICE_PRESIDENT = "vice_president", _("Vice-president unit")
    STANDING_COUNCIL = "standing_council", _("Standing council unit")
    COUNCIL = "council", _("Council unit")
    MEMBER = "member", _("Member unit")

    @classmethod
    def rank(cls, level):
        return cls.values.index(level)


class MembershipChange(models.Model):
    """A decision that changed a member city's level or status: when it takes effect, why, and which meeting's
    resolution made it. Kept for good; the city's current level and status are the last change's."""

    city = models.ForeignKey(
        "members.MemberCity", on_delete=models.PROTECT, related_name="membership_changes", verbose_name=_("city")
    )
    effective_on = models.DateField(_("effective on"), validators=[validate_sensible_date])
    level_before = models.CharField(_("level before"), max_length=20, choices=MembershipLevel.choices, blank=True)
    level_after = models.CharField(_("level after"), max_length=20, choices=MembershipLevel.choices)
    status_before = models.CharField(_("status before"), max_length=10, blank=True)
    status_after = models.CharField(_("status after"), max_length=10)
    reason = models.TextField(_("reason"))
    meeting = models.CharField(
        _("decided by (meeting)"), max_length=200, help_text=_("E.g. the third meeting of the fifth council.")
    )
    resolution = models.CharField(_("resolution"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-effective_on", "-id"]
        verbose_name = _("membership change")
        verbose_name_plural = _("membership changes")
        constraints = [*sensible_dates("membershipchange", days=("effective_on",))]

    def __str__(self):
        return f"{self.city} {self.effective_on}"


class IndividualMember(models.Model):
    """A person in the register (mayors, former mayors, experts), with a contact and a category."""

    class Category(models.TextChoices):
        MAYOR = "mayor", _("Mayor")
        FORMER_MAYOR = "former_mayor", _("Former mayor")
        EXPERT = "expert", _("Expert")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        LEFT = "left", _("Left")

    name = models.CharField(pgettext_lazy("person", "name"), max_length=50)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    organisation = models.CharField(_("organisation"), max_length=100, blank=True)
    title = models.CharField(_("title"), max_length=100, blank=True)
    city = models.ForeignKey(
        "members.MemberCity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="individual_members",
        verbose_name=_("city"),
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[validate_phone])
    email = models.EmailField(_("e-mail"), blank=True)
    joined_on = models.DateField(_("joined on"), validators=[validate_sensible_date])
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    history = HistoricalRecords()

    class Meta:
        ordering = ["category", "name"]
        verbose_name = _("individual member")
        verbose_name_plural = _("individual members")
        constraints = [
            *sensible_dates("individualmember", days=("joined_on",)),
            models.CheckConstraint(condition=~Q(phone="") | ~Q(email=""), name="individualmember_has_a_contact"),
        ]

    def __str__(self):
        return self.name
