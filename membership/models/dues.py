"""Dues: the rate of each level for a year, the yearly notice to each member city, the payments and waivers
recorded against it, and the receipts (收据) numbered per year."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import DecimalField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.dates import validate_sensible_date
from members.models import MembershipLevel

ZERO = Decimal("0.00")
YEAR_VALIDATORS = [MinValueValidator(2000), MaxValueValidator(2100)]


def money_field(verbose_name, **kwargs):
    return models.DecimalField(verbose_name, max_digits=12, decimal_places=2, **kwargs)


class DuesRate(models.Model):
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    level = models.CharField(_("membership level"), max_length=20, choices=MembershipLevel.choices)
    amount = money_field(_("amount (yuan)"), validators=[MinValueValidator(Decimal("0.01"))])
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "level"]
        verbose_name = _("dues rate")
        verbose_name_plural = _("dues rates")
        constraints = [models.UniqueConstraint(fields=["year", "level"], name="duesrate_one_per_year_level")]

    def __str__(self):
        return f"{self.year} {self.get_level_display()} ¥{self.amount}"


class PayeeAccount(models.Model):
    """The association's bank account printed on dues notices; each notice keeps a copy of the one in use."""

    name = models.CharField(_("account name"), max_length=100)
    bank = models.CharField(_("bank"), max_length=100)
    number = models.CharField(_("account number"), max_length=40)
    is_current = models.BooleanField(_("in use"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bank account")
        verbose_name_plural = _("bank accounts")
        constraints = [
            models.UniqueConstraint(fields=["is_current"], condition=Q(is_current=True), name="one_payee_in_use")
        ]

    def __str__(self):
        return f"{self.bank} {self.number}"


def _sum_of(kind):
    payments = (
        Payment.objects.filter(notice=OuterRef("pk"), kind=kind, voided_at__isnull=True)
        .order_by()
        .values("notice")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return Coalesce(Subquery(payments), Value(ZERO), output_field=DecimalField(max_digits=12, decimal_places=2))


class DuesNoticeQuerySet(models.QuerySet):
    def with_amounts(self):
        """Each notice with `paid`, `waived` and `outstanding` (what is due less both), in the same query."""
        return self.annotate(paid=_sum_of(Payment.Kind.PAYMENT), waived=_sum_of(Payment.Kind.WAIVER)).annotate(
            outstanding=models.F("amount") - models.F("paid") - models.F("waived")
        )

    def outstanding(self):
        return self.with_amounts().filter(outstanding__gt=0)


class DuesNotice(models.Model):
    """会费缴纳通知: what a member city owes for a year, at its level's rate when the notice was issued."""

    class Reminder(models.IntegerChoices):
        NONE = 0, _("none yet")
        DUE = 1, _("on the due date")
        DAYS_30 = 2, _("30 days after the due date")
        DAYS_90 = 3, _("90 days after the due date")

    city = models.ForeignKey(
        "members.MemberCity", on_delete=models.PROTECT, related_name="dues_notices", verbose_name=_("city")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    level = models.CharField(_("membership level"), max_length=20, choices=MembershipLevel.choices)
    amount = money_field(_("amount due (yuan)"))
    reference = models.CharField(
        _("payment reference"), max_length=20, unique=True, help_text=_("To be written on the bank transfer.")
    )
    due_on = models.DateField(_("due on"), validators=[validate_sensible_date])
    payee_name = models.CharField(_("account name"), max_length=100)
    payee_bank = models.CharField(_("bank"), max_length=100)
    payee_number = models.CharField(_("account number"), max_length=40)
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("issued by")
    )
    reminded = models.PositiveSmallIntegerField(_("last reminder"), choices=Reminder.choices, default=Reminder.NONE)

    objects = DuesNoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "city__name"]
        verbose_name = _("dues notice")
        verbose_name_plural = _("dues notices")
        constraints = [models.UniqueConstraint(fields=["city", "year"], name="duesnotice_one_per_city_year")]

    def __str__(self):
        return f"{self.year} {self.city} {self.reference}"

    def get_download_url(self):
        return reverse("membership:notice_pdf", args=[self.pk])


class Payment(models.Model):
    """Money received against a notice (with a receipt), or a waiver or reduction decided by staff (no receipt)."""

    class Kind(models.TextChoices):
        PAYMENT = "payment", _("Payment")
        WAIVER = "waiver", _("Waiver or reduction")

    notice = models.ForeignKey(DuesNotice, on_delete=models.PROTECT, related_name="payments", verbose_name=_("notice"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PAYMENT)
    amount = money_field(_("amount (yuan)"))
    paid_on = models.DateField(_("date"), validators=[validate_sensible_date])
    bank_reference = models.CharField(_("bank reference"), max_length=60, blank=True)
    reason = models.TextField(_("reason"), blank=True, help_text=_("Required for a waiver or reduction."))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    voided_at = models.DateTimeField(_("voided at"), null=True, blank=True)
    void_reason = models.TextField(_("why voided"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-paid_on", "-id"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_amount_positive"),
            models.UniqueConstraint(
                fields=["bank_reference"], condition=~Q(bank_reference=""), name="payment_bank_reference_once"
            ),
        ]

    def __str__(self):
        return f"{self.notice.reference} ¥{self.amount}"


class Receipt(models.Model):
    """收据: numbered per year without gaps. Never deleted or renumbered: a mistaken one is voided by a reversal
    (红冲) with its own number, a negative amount and a pointer to the receipt it voids."""

    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("number"))
    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="receipts", verbose_name=_("payment"))
    amount = money_field(_("amount (yuan)"))
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    reverses = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reversal",
        verbose_name=_("reverses receipt"),
    )

    class Meta:
        ordering = ["-year", "-number"]
        verbose_name = _("receipt")
        verbose_name_plural = _("receipts")
        constraints = [models.UniqueConstraint(fields=["year", "number"], name="receipt_number_once_per_year")]

    def __str__(self):
        return self.code

    @property
    def code(self):
        return f"SJ{self.year}-{self.number:05d}"

    def get_download_url(self):
        return reverse("membership:receipt_pdf", args=[self.pk])
