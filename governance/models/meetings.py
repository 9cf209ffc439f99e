"""A body's meetings, with their papers and minutes, and the resolutions they adopt."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.dates import sensible_dates, validate_sensible_date
from core.i18n.translation import TranslatedMixin, localized
from core.integrity import IntegrityChecked


class CouncilMeeting(TranslatedMixin, models.Model):
    """A meeting of a body (理事会会议, 常务理事会会议 …): its papers are members-only documents, its minutes are
    read by the body's members and staff."""

    body = models.ForeignKey(
        "governance.Body",
        on_delete=models.PROTECT,
        related_name="meetings",
        verbose_name=pgettext_lazy("governing body", "body"),
    )
    term = models.ForeignKey(
        "governance.Term", on_delete=models.PROTECT, related_name="meetings", verbose_name=_("term")
    )
    title = models.CharField(_("title"), max_length=200)
    translated_fields = ("title",)
    held_on = models.DateField(_("held on"), validators=[validate_sensible_date])
    place = models.CharField(_("place"), max_length=200, blank=True)
    papers = models.ManyToManyField(
        "association.Document",
        blank=True,
        related_name="council_meetings",
        verbose_name=_("papers"),
        help_text=_("Documents for the members, uploaded under Documents (members only)."),
    )
    minutes = models.TextField(_("minutes"), blank=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("meeting of a body")
        verbose_name_plural = _("meetings of bodies")
        constraints = [*sensible_dates("councilmeeting", days=("held_on",))]

    def __str__(self):
        return localized(self, "title")


class ResolutionQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def published(self):
        return self.public()


class Resolution(TranslatedMixin, IntegrityChecked, models.Model):
    """A resolution (决议) of a body. When it comes from a vote on the portal its outcome is the vote's, derived
    from the ballots (governance.services.motion_publish_result), never typed in."""

    class Outcome(models.TextChoices):
        ADOPTED = "adopted", _("Adopted")
        REJECTED = "rejected", _("Rejected")
        NO_QUORUM = "no_quorum", _("No quorum")

    body = models.ForeignKey(
        "governance.Body",
        on_delete=models.PROTECT,
        related_name="resolutions",
        verbose_name=pgettext_lazy("governing body", "body"),
    )
    meeting = models.ForeignKey(
        CouncilMeeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="resolutions",
        verbose_name=_("meeting"),
    )
    motion = models.OneToOneField(
        "governance.Motion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="resolution",
        verbose_name=_("vote"),
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), blank=True)
    translated_fields = ("title", "text")
    integrity_fields = ("title", "text")
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    decided_on = models.DateField(_("decided on"), validators=[validate_sensible_date])
    is_public = models.BooleanField(_("shown on the public site"), default=False)

    objects = ResolutionQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_on", "-id"]
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        constraints = [*sensible_dates("resolution", days=("decided_on",))]

    def __str__(self):
        return localized(self, "title")

    @property
    def is_live(self):
        return self.is_public

    def get_absolute_url(self):
        return reverse("governance:body", args=[self.body_id]) + f"#resolution-{self.pk}"
