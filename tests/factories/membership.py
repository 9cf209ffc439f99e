"""Dues rates, the association's bank account and applications to join."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from members.models import MemberCity, MembershipLevel
from membership.models import (
    Application,
    Certificate,
    DuesNotice,
    DuesRate,
    NumberCounter,
    PayeeAccount,
    Payment,
    Receipt,
    Statement,
    StatementRow,
)
from tests.factories.files import pdf_file
from tests.factories.members import MemberCityFactory, RegionFactory
from tests.factories.users import StaffUserFactory

RATES = {
    MembershipLevel.PRESIDENT: Decimal("50000.00"),
    MembershipLevel.VICE_PRESIDENT: Decimal("30000.00"),
    MembershipLevel.STANDING_COUNCIL: Decimal("20000.00"),
    MembershipLevel.COUNCIL: Decimal("10000.00"),
    MembershipLevel.MEMBER: Decimal("5000.00"),
}


class DuesRateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DuesRate
        django_get_or_create = ["year", "level"]

    year = factory.LazyFunction(lambda: timezone.localdate().year)
    level = MembershipLevel.MEMBER
    amount = factory.LazyAttribute(lambda rate: RATES[rate.level])


def rates_for(year):
    return [DuesRateFactory(year=year, level=level) for level in MembershipLevel.values]


class PayeeAccountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PayeeAccount
        django_get_or_create = ["is_current"]

    name = "广西市长协会"
    bank = "中国工商银行南宁民族支行"
    number = "2102 1120 0920 0088 888"
    is_current = True


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    city_name = factory.Sequence(lambda n: f"申请{n}市")
    region = factory.SubFactory(RegionFactory)
    city_level = MemberCity.Level.COUNTY
    intended_level = MembershipLevel.MEMBER
    contact_name = "黄立新"
    contact_position = "市人民政府办公室副主任"
    contact_phone = "0776-5822000"
    contact_email = factory.Sequence(lambda n: f"applicant{n}@city.example.cn")
    letter = factory.LazyFunction(lambda: pdf_file("letter.pdf"))


class NumberCounterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NumberCounter
        django_get_or_create = ["series", "year"]

    series = "receipt"
    year = factory.LazyFunction(lambda: timezone.localdate().year)
    last = 0


class DuesNoticeFactory(factory.django.DjangoModelFactory):
    """A notice made directly; tests of issuing use the service (membership.services.dues)."""

    class Meta:
        model = DuesNotice

    city = factory.SubFactory(MemberCityFactory)
    year = factory.LazyFunction(lambda: timezone.localdate().year)
    level = MembershipLevel.MEMBER
    amount = Decimal("5000.00")
    reference = factory.Sequence(lambda n: f"HF2026-{n + 50000:05d}")
    due_on = factory.LazyAttribute(lambda notice: datetime.date(notice.year, 3, 31))
    payee_name = "广西市长协会"
    payee_bank = "中国工商银行南宁民族支行"
    payee_number = "2102 1120 0920 0088 888"
    issued_by = factory.SubFactory(StaffUserFactory)


class PaymentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Payment

    notice = factory.SubFactory(DuesNoticeFactory)
    amount = Decimal("5000.00")
    paid_on = datetime.date(2026, 2, 10)
    bank_reference = factory.Sequence(lambda n: f"ICBC-F{n:06d}")
    recorded_by = factory.SubFactory(StaffUserFactory)


class ReceiptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Receipt

    year = 2026
    number = factory.Sequence(lambda n: n + 90000)
    payment = factory.SubFactory(PaymentFactory)
    amount = factory.LazyAttribute(lambda receipt: receipt.payment.amount)


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement

    sha256 = factory.Sequence(lambda n: f"{n:064x}")
    filename = "对账单.csv"
    imported_by = factory.SubFactory(StaffUserFactory)


class StatementRowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatementRow

    statement = factory.SubFactory(StatementFactory)
    line = factory.Sequence(lambda n: n + 5)
    booked_on = datetime.date(2026, 2, 10)
    amount = Decimal("8000.00")
    payer = "南宁某科技有限公司"
    memo = "论坛赞助"
    bank_reference = factory.Sequence(lambda n: f"ICBC-S{n:06d}")
    state = StatementRow.State.UNMATCHED


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificate

    number = factory.Sequence(lambda n: f"ZS2026-{n + 50000:05d}")
    city = factory.SubFactory(MemberCityFactory)
    level = MembershipLevel.MEMBER
    valid_from = factory.LazyFunction(lambda: datetime.date(timezone.localdate().year, 1, 1))
    valid_until = factory.LazyFunction(lambda: datetime.date(timezone.localdate().year, 12, 31))
    issued_by = factory.SubFactory(StaffUserFactory)
