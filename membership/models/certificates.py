"""Membership certificates (会员证书), checked by anyone at a public page their QR code points to."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models import MembershipLevel


class Certificate(models.Model):
    number = models.CharField(_("number"), max_length=20, unique=True)
    city = models.ForeignKey(
        "members.MemberCity", on_delete=models.PROTECT, related_name="certificates", verbose_name=_("city")
    )
    level = models.CharField(_("membership level"), max_length=20, choices=MembershipLevel.choices)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("issued by")
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoke_reason = models.TextField(_("why revoked"), blank=True)

    class Meta:
        ordering = ["-valid_from", "number"]
        verbose_name = _("membership certificate")
        verbose_name_plural = _("membership certificates")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__gte=models.F("valid_from")), name="certificate_dates"
            )
        ]

    def __str__(self):
        return self.number

    def is_valid_on(self, day: datetime.date) -> bool:
        return self.revoked_at is None and self.valid_from <= day <= self.valid_until

    @property
    def is_valid(self):
        return self.is_valid_on(timezone.localdate())

    def get_absolute_url(self):
        """The public verification page."""
        return reverse("membership:verify", args=[self.number])

    def get_download_url(self):
        return reverse("membership:certificate_pdf", args=[self.pk])
