"""Importing bank statements: matched and unmatched rows, a malformed file, the same file twice, the formats."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import ValidationError

from membership.models import DuesNotice, Payment, Receipt, Statement, StatementRow
from membership.services import statements

pytestmark = pytest.mark.django_db

HEADER = "交易日期,交易流水号,对方户名,摘要,借方金额,贷方金额,余额"


def csv_statement(*rows, encoding="gb18030"):
    lines = ["账号,2102112009200088888", "户名,广西市长协会", HEADER, *rows, "合计,,,,,,"]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def outstanding(notice):
    return DuesNotice.objects.with_amounts().get(pk=notice.pk).outstanding


def test_a_row_naming_the_reference_pays_the_notice_and_a_stranger_waits_for_a_person(notice, finance, year):
    data = csv_statement(
        f"{year}-02-10,ICBC001,贺州市财政局,会费 {notice.reference},,10000.00,",
        f"{year}-02-11,ICBC002,南宁某科技有限公司,论坛赞助,,8000.00,",
        f"{year}-02-12,ICBC003,中国工商银行,账户管理费,15.00,,",
    )

    result = statements.statement_import(data=data, filename="对账单.csv", by=finance)

    assert (result.matched, result.unmatched, result.ignored) == (1, 1, 1)
    assert outstanding(notice) == Decimal("0.00")
    payment = Payment.objects.get()
    assert (payment.bank_reference, payment.paid_on) == ("ICBC001", datetime.date(year, 2, 10))
    assert payment.receipts.get().number == 1
    row = StatementRow.objects.get(state=StatementRow.State.UNMATCHED)
    assert (row.payer, row.amount, row.line) == ("南宁某科技有限公司", Decimal("8000.00"), 5)


def test_a_row_without_the_reference_is_matched_by_amount_and_city_name(notice, finance, year):
    data = csv_statement(f'{year}-03-20,ICBC101,贺州市人民政府办公室,{year}年度会费,,"10,000.00",')

    result = statements.statement_import(data=data, filename="s.csv", by=finance)

    assert result.matched == 1 and outstanding(notice) == Decimal("0.00")


def test_the_same_amount_from_an_unnamed_payer_is_not_guessed(notice, finance, year):
    data = csv_statement(f"{year}-03-20,ICBC101,财政局,会费,,10000.00,")

    result = statements.statement_import(data=data, filename="s.csv", by=finance)

    assert (result.matched, result.unmatched) == (0, 1)


def test_importing_the_same_file_twice_records_nothing_twice(notice, finance, year):
    data = csv_statement(f"{year}-02-10,ICBC001,贺州市财政局,{notice.reference},,4000.00,")
    statements.statement_import(data=data, filename="对账单.csv", by=finance)

    with pytest.raises(ValidationError, match=r"对账单\.csv"):
        statements.statement_import(data=data, filename="again.csv", by=finance)

    assert (Statement.objects.count(), Payment.objects.count(), Receipt.objects.count()) == (1, 1, 1)


def test_a_transaction_already_seen_in_an_earlier_statement_is_skipped(notice, finance, year):
    first = f"{year}-02-10,ICBC001,贺州市财政局,{notice.reference},,4000.00,"
    statements.statement_import(data=csv_statement(first), filename="january.csv", by=finance)

    result = statements.statement_import(
        data=csv_statement(first, f"{year}-02-20,ICBC009,贺州市财政局,{notice.reference},,6000.00,"),
        filename="february.csv",
        by=finance,
    )

    assert (result.matched, result.seen_before) == (1, 1)
    assert outstanding(notice) == Decimal("0.00")
    assert Payment.objects.count() == 2


@pytest.mark.parametrize(
    "bad_row, message",
    [
        ("2026-13-45,ICBC002,某单位,附言,,100.00,", "第 5 行"),
        ("{year}-02-11,ICBC002,某单位,附言,,一百元,", "不是金额"),
        ("{year}-02-11,,某单位,附言,,100.00,", "银行流水号为空"),
        ("{year}-02-11,ICBC002,某单位,附言,,100.001,", "元、分"),
    ],
)
def test_a_bad_row_records_nothing_of_that_file_and_says_which_line(notice, finance, year, bad_row, message):
    data = csv_statement(
        f"{year}-02-10,ICBC001,贺州市财政局,{notice.reference},,10000.00,",
        bad_row.format(year=year),
    )

    with pytest.raises(ValidationError) as refused:
        statements.statement_import(data=data, filename="bad.csv", by=finance)

    assert any(message in text for text in refused.value.messages), refused.value.messages
    assert not (Statement.objects.exists() or Payment.objects.exists() or StatementRow.objects.exists())


@pytest.mark.parametrize(
    "data",
    [b"", b"\x00\x01\x02 not a statement", "随便写的一段话\n没有表头".encode(), b"PK\x03\x04broken zip"],
    ids=["empty", "binary", "no header", "broken xlsx"],
)
def test_a_file_that_is_no_statement_gets_a_clear_message(finance, data):
    with pytest.raises(ValidationError):
        statements.statement_import(data=data, filename="x.csv", by=finance)
    assert not Statement.objects.exists()


def test_a_utf8_csv_and_an_xlsx_export_are_read_alike(notice, finance, year):
    utf8 = csv_statement(f"{year}-02-10,ICBC001,贺州市财政局,{notice.reference},,3000.00,", encoding="utf-8-sig")
    assert statements.statement_import(data=utf8, filename="u.csv", by=finance).matched == 1

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["中国工商银行账户明细"])
    sheet.append(["记账日期", "流水号", "对方户名", "附言", "支出", "收入"])
    sheet.append([datetime.datetime(year, 2, 11, 9, 30), "ICBC201", "贺州市财政局", notice.reference, None, 7000])
    buffer = io.BytesIO()
    workbook.save(buffer)

    assert statements.statement_import(data=buffer.getvalue(), filename="x.xlsx", by=finance).matched == 1
    assert outstanding(notice) == Decimal("0.00")


def test_a_person_matches_an_unmatched_row_to_a_notice(notice, finance, year):
    statements.statement_import(
        data=csv_statement(f"{year}-02-11,ICBC002,贺州市某局,会费,,2500.00,"), filename="s.csv", by=finance
    )
    row = StatementRow.objects.get()

    statements.statement_row_match(row=row, notice=notice, by=finance)

    row.refresh_from_db()
    assert row.state == StatementRow.State.MATCHED and row.payment.receipts.count() == 1
    assert outstanding(notice) == Decimal("7500.00")
    with pytest.raises(ValidationError):
        statements.statement_row_match(row=row, notice=notice, by=finance)
