"""Dues: the year's notices, payments and waivers against them, receipts and their reversal (红冲), reminders."""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.mail import outbox
from core.money import in_figures, to_yuan
from members.models import LiaisonOfficer, MemberCity
from membership import contributions
from membership.models import DuesNotice, DuesRate, PayeeAccount, Payment, Receipt
from membership.services.numbers import take_number, take_numbers

if TYPE_CHECKING:
    from django.contrib.auth.models import User

NOTICE_SERIES, RECEIPT_SERIES = "notice", "receipt"
REMINDER_DAYS = {DuesNotice.Reminder.DUE: 0, DuesNotice.Reminder.DAYS_30: 30, DuesNotice.Reminder.DAYS_90: 90}


def notice_reference(year: int, number: int) -> str:
    return f"HF{year}-{number:05d}"


def _require(user: User, permission: str) -> None:
    if not user.has_perm(permission):
        raise PermissionDenied


def _officer_emails(city_ids: list[int]) -> dict[int, list[LiaisonOfficer]]:
    officers: dict[int, list[LiaisonOfficer]] = defaultdict(list)
    for officer in LiaisonOfficer.objects.current().filter(city_id__in=city_ids).only("city_id", "email", "language"):
        officers[officer.city_id].append(officer)
    return officers


def _mail(template: str, notice: DuesNotice, officers: list[LiaisonOfficer], key: str, **extra: Any) -> dict[str, Any]:
    language = officers[0].email_language if officers else ""
    context = {"notice": notice, "city": notice.city, "amount": in_figures(notice.amount), **extra}
    subject, body = outbox.compose(template, context, language)
    return {
        "kind": contributions.DUES.code,
        "key": key,
        "to": [officer.email for officer in officers],
        "subject": subject,
        "body": body,
        "language": language,
    }


def dues_issue_notices(*, year: int, due_on: datetime.date, by: User) -> list[DuesNotice]:
    """One notice for every active member city that has none for `year`, at its level's rate, with the bank
    account in use; each city's officers are told by e-mail. Issuing again makes only the missing ones."""
    _require(by, "membership.add_duesnotice")
    rates = dict(DuesRate.objects.filter(year=year).values_list("level", "amount"))
    payee = PayeeAccount.objects.filter(is_current=True).first()
    if payee is None:
        raise ValidationError(_("Enter the association's bank account first: the notices print it."))
    cities = list(
        MemberCity.objects.filter(status=MemberCity.Status.ACTIVE)
        .exclude(dues_notices__year=year)
        .only("id", "name", "membership_level")
        .order_by("region__order", "name")
    )
    missing = sorted({city.get_membership_level_display() for city in cities if city.membership_level not in rates})
    if missing:
        raise ValidationError(
            _("There is no %(year)s rate for: %(levels)s. Nothing was issued.")
            % {"year": year, "levels": "、".join(missing)}
        )
    with transaction.atomic():
        numbers = take_numbers(NOTICE_SERIES, year, len(cities))
        notices = DuesNotice.objects.bulk_create(
            DuesNotice(
                city=city,
                year=year,
                level=city.membership_level,
                amount=rates[city.membership_level],
                reference=notice_reference(year, number),
                due_on=due_on,
                payee_name=payee.name,
                payee_bank=payee.bank,
                payee_number=payee.number,
                issued_by=by,
            )
            for city, number in zip(cities, numbers, strict=True)
        )
        officers = _officer_emails([city.pk for city in cities])
        outbox.enqueue_many(
            _mail("membership/email/dues_notice", notice, officers[notice.city_id], f"dues-notice:{notice.reference}")
            for notice in notices
            if officers[notice.city_id]
        )
    return notices


def _locked_notice(notice: DuesNotice) -> DuesNotice:
    locked: DuesNotice = DuesNotice.objects.select_for_update().get(pk=notice.pk)
    return DuesNotice.objects.with_amounts().select_related("city").get(pk=locked.pk)


def _check_amount(amount: Decimal, notice: DuesNotice) -> Decimal:
    amount = to_yuan(amount)
    if amount <= 0:
        raise ValidationError({"amount": _("Enter an amount above zero.")})
    if amount > notice.outstanding:  # type: ignore[attr-defined]  # annotated by with_amounts()
        raise ValidationError(
            {
                "amount": _("This is more than the %(outstanding)s still outstanding on notice %(reference)s.")
                % {"outstanding": in_figures(notice.outstanding), "reference": notice.reference}  # type: ignore[attr-defined]
            }
        )
    return amount


def record_payment(
    *, notice: DuesNotice, amount: Decimal, paid_on: datetime.date, bank_reference: str = "", by: User
) -> Receipt:
    """Money received: the payment and its receipt, whose number is taken in the same transaction."""
    _require(by, "membership.add_payment")
    bank_reference = bank_reference.strip()
    with transaction.atomic():
        notice = _locked_notice(notice)
        amount = _check_amount(amount, notice)
        if bank_reference and Payment.objects.filter(bank_reference=bank_reference).exists():
            raise ValidationError({"bank_reference": _("A payment with this bank reference is recorded already.")})
        payment = Payment.objects.create(
            notice=notice, amount=amount, paid_on=paid_on, bank_reference=bank_reference, recorded_by=by
        )
        receipt = issue_receipt(payment=payment, amount=amount)
    return receipt


def issue_receipt(*, payment: Payment, amount: Decimal, reverses: Receipt | None = None) -> Receipt:
    """The next receipt number of the year; only inside the transaction that records the payment or reversal."""
    year = timezone.localdate().year
    return Receipt.objects.create(
        year=year, number=take_number(RECEIPT_SERIES, year), payment=payment, amount=amount, reverses=reverses
    )


def record_waiver(*, notice: DuesNotice, amount: Decimal, reason: str, by: User) -> Payment:
    """A waiver or reduction decided by the association: it lowers what is outstanding and gives no receipt."""
    _require(by, "membership.add_payment")
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the dues are waived or reduced.")})
    with transaction.atomic():
        notice = _locked_notice(notice)
        amount = _check_amount(amount, notice)
        return Payment.objects.create(
            notice=notice,
            kind=Payment.Kind.WAIVER,
            amount=amount,
            paid_on=timezone.localdate(),
            reason=reason.strip(),
            recorded_by=by,
        )


def void_payment(*, payment: Payment, reason: str, by: User) -> Receipt | None:
    """Undo a mistaken payment or waiver. A payment's receipt stays in the books and gets a reversal (红冲): a
    receipt of its own number with the negative amount, pointing to it. Returns that reversal."""
    _require(by, "membership.change_payment")
    if not reason.strip():
        raise ValidationError({"reason": _("Say why this is voided.")})
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if payment.voided_at is not None:
            raise ValidationError(_("This was voided already."))
        payment.voided_at, payment.void_reason = timezone.now(), reason.strip()
        payment.save(update_fields=["voided_at", "void_reason"])
        original = payment.receipts.filter(reverses__isnull=True).first()
        if original is None:
            return None
        return issue_receipt(payment=payment, amount=-original.amount, reverses=original)


def reminder_due(notice: DuesNotice, today: datetime.date) -> int:
    """The latest reminder stage the notice has reached and not yet been sent (0: none)."""
    reached = max(
        (stage for stage, days in REMINDER_DAYS.items() if today >= notice.due_on + datetime.timedelta(days=days)),
        default=DuesNotice.Reminder.NONE,
    )
    return int(reached) if reached > notice.reminded else 0


def send_reminders(*, today: datetime.date | None = None) -> int:
    """Remind the officers of cities with dues outstanding, once per stage (due date, 30 and 90 days after).
    A notice that reached several stages since the last run gets only the latest."""
    today = today or timezone.localdate()
    notices = list(
        DuesNotice.objects.outstanding()
        .filter(due_on__lte=today, reminded__lt=DuesNotice.Reminder.DAYS_90)
        .select_related("city")
    )
    due = [(notice, stage) for notice in notices if (stage := reminder_due(notice, today))]
    officers = _officer_emails([notice.city_id for notice, _stage in due])
    with transaction.atomic():
        outbox.enqueue_many(
            _mail(
                "membership/email/dues_reminder",
                notice,
                officers[notice.city_id],
                f"dues-reminder:{notice.reference}:{stage}",
                stage=DuesNotice.Reminder(stage).label,
                outstanding=in_figures(notice.outstanding),
            )
            for notice, stage in due
            if officers[notice.city_id]
        )
        for notice, stage in due:
            DuesNotice.objects.filter(pk=notice.pk).update(reminded=stage)
    return len(due)
