"""Applications to join (入会申请): the city's request, the secretariat's review and the council's decision."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.dates import validate_sensible_date
from core.media.files import private_storage
from core.media.uploads import validate_pdf
from core.phones import validate_phone
from members.models import MemberCity, MembershipLevel


class ApplicationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state__in=Application.OPEN_STATES)


class Application(models.Model):
    class State(models.TextChoices):
        SUBMITTED = "submitted", _("Received, awaiting the secretariat's review")
        RECOMMENDED = "recommended", _("Reviewed, awaiting the council's decision")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Not approved")

    OPEN_STATES = (State.SUBMITTED, State.RECOMMENDED)

    city_name = models.CharField(_("city"), max_length=50)
    region = models.ForeignKey("members.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region"))
    city_level = models.CharField(_("administrative level"), max_length=12, choices=MemberCity.Level.choices)
    intended_level = models.CharField(_("membership level applied for"), max_length=20, choices=MembershipLevel.choices)
    contact_name = models.CharField(_("contact person"), max_length=50)
    contact_position = models.CharField(_("contact's position"), max_length=100)
    contact_phone = models.CharField(_("contact's phone"), max_length=30, validators=[validate_phone])
    contact_email = models.EmailField(_("contact's e-mail"))
    letter = models.FileField(
        _("signed application letter (PDF)"),
        upload_to="membership/applications/",
        storage=private_storage,
        validators=[validate_pdf],
    )
    note = models.TextField(_("note"), blank=True)
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    city = models.ForeignKey(
        "members.MemberCity",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("member city"),
        help_text=_("The city in the register: an earlier member applying again, or the city made on approval."),
    )
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.SUBMITTED)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_note = models.TextField(_("secretariat's opinion"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decision recorded by"),
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True, validators=[validate_sensible_date])
    decision_meeting = models.CharField(_("decided by (meeting)"), max_length=200, blank=True)
    decision_resolution = models.CharField(_("resolution"), max_length=200, blank=True)
    history = HistoricalRecords()

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("application to join")
        verbose_name_plural = _("applications to join")

    def __str__(self):
        return f"{self.reference} {self.city_name}"

    @property
    def reference(self):
        return f"RH{self.submitted_at:%Y}-{self.pk:04d}" if self.pk and self.submitted_at else ""

    @property
    def is_open(self):
        return self.state in self.OPEN_STATES
