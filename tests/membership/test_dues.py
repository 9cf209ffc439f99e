"""Dues notices, payments, waivers, receipts and their reversal, reminders, and the year's totals."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core.models import OutgoingEmail
from members.models import MemberCity, MembershipLevel
from membership import selectors
from membership.models import DuesNotice, DuesRate, Payment, Receipt
from membership.services import dues
from tests.factories import LiaisonOfficerFactory, MemberCityFactory, StaffUserFactory

pytestmark = pytest.mark.django_db


def test_the_years_notices_go_to_every_active_member_at_its_levels_rate(dues_setup, finance, year):
    president = MemberCityFactory(membership_level=MembershipLevel.PRESIDENT)
    LiaisonOfficerFactory(city=president)
    member = MemberCityFactory(membership_level=MembershipLevel.MEMBER)
    MemberCityFactory(status=MemberCity.Status.SUSPENDED)
    MemberCityFactory(status=MemberCity.Status.LEFT)

    notices = dues.dues_issue_notices(year=year, due_on=datetime.date(year, 3, 31), by=finance)

    amounts = {notice.city_id: notice.amount for notice in notices}
    assert amounts == {president.pk: Decimal("50000.00"), member.pk: Decimal("5000.00")}
    assert len({notice.reference for notice in notices}) == 2
    assert all(notice.payee_number == "2102 1120 0920 0088 888" for notice in notices)
    mail = OutgoingEmail.objects.get(kind="dues")
    assert president.officers.get().email in mail.to and "¥50,000.00" in mail.body
    assert "HF" in mail.body


def test_issuing_again_makes_only_the_missing_notices(notice, finance, year):
    later = MemberCityFactory(membership_level=MembershipLevel.COUNCIL)

    again = dues.dues_issue_notices(year=year, due_on=datetime.date(year, 3, 31), by=finance)

    assert [n.city_id for n in again] == [later.pk]
    assert DuesNotice.objects.filter(year=year).count() == 2


def test_without_a_rate_for_a_level_nothing_is_issued(dues_setup, finance, year):
    MemberCityFactory(membership_level=MembershipLevel.PRESIDENT)
    MemberCityFactory(membership_level=MembershipLevel.MEMBER)
    DuesRate.objects.filter(level=MembershipLevel.PRESIDENT).delete()

    with pytest.raises(ValidationError, match="会长单位"):
        dues.dues_issue_notices(year=year, due_on=datetime.date(year, 3, 31), by=finance)
    assert not DuesNotice.objects.exists()


def test_only_finance_issues_notices_and_records_payments(notice, membership_manager, year):
    with pytest.raises(PermissionDenied):
        dues.dues_issue_notices(year=year, due_on=datetime.date(year, 3, 31), by=membership_manager)
    with pytest.raises(PermissionDenied):
        dues.record_payment(
            notice=notice, amount=Decimal("1"), paid_on=datetime.date(year, 2, 1), by=membership_manager
        )


def test_a_payment_gets_the_next_receipt_of_the_year(notice, finance, year):
    first = dues.record_payment(
        notice=notice, amount=Decimal("4000"), paid_on=datetime.date(year, 2, 1), bank_reference="A1", by=finance
    )
    second = dues.record_payment(notice=notice, amount=Decimal("6000"), paid_on=datetime.date(year, 3, 1), by=finance)

    assert (first.number, second.number) == (1, 2)
    assert first.code == f"SJ{year}-00001" and first.amount == Decimal("4000.00")
    (amounts,) = DuesNotice.objects.with_amounts().filter(pk=notice.pk)
    assert (amounts.paid, amounts.outstanding) == (Decimal("10000.00"), Decimal("0.00"))


@pytest.mark.parametrize("amount", ["0", "-5", "10000.01"])
def test_a_payment_above_what_is_outstanding_or_not_above_zero_is_refused(notice, finance, year, amount):
    with pytest.raises(ValidationError) as refused:
        dues.record_payment(notice=notice, amount=Decimal(amount), paid_on=datetime.date(year, 2, 1), by=finance)
    assert "amount" in refused.value.message_dict
    assert not Payment.objects.exists() and not Receipt.objects.exists()


def test_a_bank_reference_is_recorded_once(notice, finance, year):
    dues.record_payment(
        notice=notice, amount=Decimal("100"), paid_on=datetime.date(year, 2, 1), bank_reference="X9", by=finance
    )
    with pytest.raises(ValidationError):
        dues.record_payment(
            notice=notice, amount=Decimal("100"), paid_on=datetime.date(year, 2, 1), bank_reference="X9", by=finance
        )
    assert Receipt.objects.count() == 1


def test_a_waiver_needs_a_reason_and_gives_no_receipt(notice, finance):
    with pytest.raises(ValidationError):
        dues.record_waiver(notice=notice, amount=Decimal("2000"), reason=" ", by=finance)

    dues.record_waiver(notice=notice, amount=Decimal("2000"), reason="受灾减免，理事会决定", by=finance)

    (amounts,) = DuesNotice.objects.with_amounts().filter(pk=notice.pk)
    assert (amounts.waived, amounts.outstanding) == (Decimal("2000.00"), Decimal("8000.00"))
    assert not Receipt.objects.exists()


def test_a_mistaken_payment_is_voided_by_a_reversal_that_keeps_both_receipts(notice, finance, year):
    receipt = dues.record_payment(notice=notice, amount=Decimal("10000"), paid_on=datetime.date(year, 2, 1), by=finance)

    reversal = dues.void_payment(payment=receipt.payment, reason="误录：款项为另一城市所汇", by=finance)

    assert reversal.number == receipt.number + 1
    assert reversal.amount == Decimal("-10000.00") and reversal.reverses == receipt
    assert Receipt.objects.count() == 2
    (amounts,) = DuesNotice.objects.with_amounts().filter(pk=notice.pk)
    assert amounts.outstanding == Decimal("10000.00")
    with pytest.raises(ValidationError):
        dues.void_payment(payment=receipt.payment, reason="again", by=finance)


def test_receipts_cannot_be_deleted_while_the_books_point_to_them(notice, finance, year):
    from django.db.models import ProtectedError

    receipt = dues.record_payment(notice=notice, amount=Decimal("10000"), paid_on=datetime.date(year, 2, 1), by=finance)
    with pytest.raises(ProtectedError):
        receipt.payment.delete()


def test_the_years_totals_agree_with_a_count_made_row_by_row(dues_setup, finance, year):
    cities = [MemberCityFactory(membership_level=level) for level in MembershipLevel.values for _ in range(2)]
    notices = dues.dues_issue_notices(year=year, due_on=datetime.date(year, 3, 31), by=finance)
    paid_on = datetime.date(year, 2, 1)
    dues.record_payment(notice=notices[0], amount=notices[0].amount, paid_on=paid_on, by=finance)
    dues.record_payment(notice=notices[1], amount=Decimal("1234.56"), paid_on=paid_on, by=finance)
    dues.record_waiver(notice=notices[2], amount=notices[2].amount, reason="免缴", by=finance)
    voided = dues.record_payment(notice=notices[3], amount=Decimal("100"), paid_on=paid_on, by=finance)
    dues.void_payment(payment=voided.payment, reason="误录", by=finance)

    totals = selectors.year_totals(year)

    issued = sum(notice.amount for notice in notices)
    paid = sum(p.amount for p in Payment.objects.all() if p.kind == "payment" and p.voided_at is None)
    waived = sum(p.amount for p in Payment.objects.all() if p.kind == "waiver" and p.voided_at is None)
    assert (totals.notices, totals.issued, totals.paid, totals.waived) == (len(cities), issued, paid, waived)
    assert totals.outstanding == issued - paid - waived
    assert totals.balanced


def test_reminders_go_once_per_stage_and_only_while_dues_are_outstanding(notice, finance, year):
    due = notice.due_on

    assert dues.send_reminders(today=due - datetime.timedelta(days=1)) == 0
    assert dues.send_reminders(today=due) == 1
    assert dues.send_reminders(today=due + datetime.timedelta(days=5)) == 0
    assert dues.send_reminders(today=due + datetime.timedelta(days=30)) == 1
    dues.record_payment(notice=notice, amount=Decimal("10000"), paid_on=due, by=finance)
    assert dues.send_reminders(today=due + datetime.timedelta(days=90)) == 0

    reminders = OutgoingEmail.objects.filter(kind="dues", key__startswith="dues-reminder:")
    assert reminders.count() == 2
    assert all("hezhou@city.example.cn" in mail.to for mail in reminders)


def test_a_notice_first_seen_late_gets_only_the_latest_reminder(notice):
    assert dues.send_reminders(today=notice.due_on + datetime.timedelta(days=100)) == 1
    notice.refresh_from_db()
    assert notice.reminded == DuesNotice.Reminder.DAYS_90
    assert dues.send_reminders(today=notice.due_on + datetime.timedelta(days=200)) == 0


def test_staff_outside_finance_cannot_void(notice, finance, year):
    receipt = dues.record_payment(notice=notice, amount=Decimal("10"), paid_on=datetime.date(year, 2, 1), by=finance)
    with pytest.raises(PermissionDenied):
        dues.void_payment(payment=receipt.payment, reason="x", by=StaffUserFactory())


def test_the_daily_reminder_job_records_its_run(notice, monkeypatch):
    from core.models import PeriodicRun
    from membership import tasks

    monkeypatch.setattr(dues.timezone, "localdate", lambda *args: notice.due_on + datetime.timedelta(days=31))
    tasks.send_dues_reminders()

    assert PeriodicRun.objects.get(name="dues-reminders").summary == "已发送会费催缴 1 份"
    assert OutgoingEmail.objects.filter(key__startswith="dues-reminder:").count() == 1
