"""Bank statements imported to record dues payments: each file once, each bank transaction once."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Statement(models.Model):
    sha256 = models.CharField(_("file fingerprint"), max_length=64, unique=True)
    filename = models.CharField(_("file"), max_length=200)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("imported by")
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("bank statement")
        verbose_name_plural = _("bank statements")

    def __str__(self):
        return f"{self.filename} ({self.imported_at:%Y-%m-%d})"


class StatementRow(models.Model):
    class State(models.TextChoices):
        MATCHED = "matched", _("Matched")
        UNMATCHED = "unmatched", _("Unmatched, waiting for a person")
        IGNORED = "ignored", _("Not dues")

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="rows", verbose_name=_("statement"))
    line = models.PositiveIntegerField(_("line in the file"))
    booked_on = models.DateField(_("date"))
    amount = models.DecimalField(_("amount (yuan)"), max_digits=12, decimal_places=2)
    payer = models.CharField(_("payer"), max_length=200, blank=True)
    memo = models.CharField(_("memo"), max_length=300, blank=True)
    bank_reference = models.CharField(_("bank reference"), max_length=60)
    state = models.CharField(_("state"), max_length=10, choices=State.choices)
    payment = models.OneToOneField(
        "membership.Payment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="statement_row",
        verbose_name=_("payment"),
    )

    class Meta:
        ordering = ["statement", "line"]
        verbose_name = _("statement row")
        verbose_name_plural = _("statement rows")
        constraints = [
            models.UniqueConstraint(
                fields=["bank_reference"], condition=~Q(bank_reference=""), name="statementrow_transaction_once"
            )
        ]

    def __str__(self):
        return f"{self.booked_on} ¥{self.amount} {self.payer}"
