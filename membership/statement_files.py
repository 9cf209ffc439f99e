"""Reading bank statements as Chinese banks export them: CSV (GB18030 or UTF-8) or XLSX, with some lines about
the account before the header, and the columns named in one of the banks' usual ways."""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import openpyxl
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

COLUMNS = {
    "booked_on": ("交易日期", "记账日期", "入账日期", "交易时间", "日期"),
    "credit": ("贷方金额", "贷方发生额", "收入金额", "收入", "存入金额", "交易金额", "金额"),
    "debit": ("借方金额", "借方发生额", "支出金额", "支出"),
    "payer": ("对方户名", "对方账户名称", "对方名称", "付款人名称", "付款人户名", "付款方"),
    "memo": ("附言", "摘要", "用途", "交易附言", "备注"),
    "bank_reference": ("交易流水号", "流水号", "业务流水号", "交易参考号", "凭证号"),
}
REQUIRED = ("booked_on", "credit", "bank_reference")
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%Y.%m.%d", "%Y年%m月%d日")
SUMMARY_ROWS = ("合计", "总计", "本页合计", "小计")
MAX_ROWS = 20000


@dataclass(frozen=True)
class BankRow:
    line: int
    booked_on: datetime.date
    amount: Decimal  # money in; 0 for a row of money out
    payer: str
    memo: str
    bank_reference: str


def _cells(data: bytes) -> Iterator[list[str]]:
    if data[:2] == b"PK":
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as error:
            raise ValidationError(
                _("This is not a spreadsheet Excel can open (%(error)s).") % {"error": error}
            ) from None
        for values in workbook.worksheets[0].iter_rows(values_only=True):
            yield ["" if value is None else _text(value) for value in values]
        workbook.close()
        return
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValidationError(_("The file is neither UTF-8 nor GBK text."))
    yield from csv.reader(io.StringIO(text))


def _text(value: object) -> str:
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)  # openpyxl gives numbers as float: the shortest text that is the same number
    return str(value).strip()


def _header(cells: list[str]) -> dict[str, int] | None:
    names = [cell.strip().replace(" ", "") for cell in cells]
    found: dict[str, int] = {}
    for field, synonyms in COLUMNS.items():
        for synonym in synonyms:
            if synonym in names and names.index(synonym) not in found.values():
                found[field] = names.index(synonym)
                break
    return found if all(field in found for field in REQUIRED) else None


def _date(text: str) -> datetime.date:
    text = text.strip().split(" ")[0]
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(_("“%(value)s” is not a date") % {"value": text})


def _amount(text: str) -> Decimal:
    cleaned = re.sub(r"[,，¥￥\s]|元$", "", text.strip())
    if not cleaned or cleaned in ("-", "--"):
        return Decimal("0.00")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(_("“%(value)s” is not an amount") % {"value": text}) from None
    if not value.is_finite() or value.as_tuple().exponent < -2:  # type: ignore[operator]
        raise ValueError(_("“%(value)s” is not an amount in yuan and fen") % {"value": text})
    return value.quantize(Decimal("0.01"))


def _cell(cells: list[str], header: dict[str, int], field: str) -> str:
    index = header.get(field)
    return cells[index].strip() if index is not None and index < len(cells) else ""


def read_rows(data: bytes) -> Iterator[BankRow | ValidationError]:
    """The statement's transactions, or a ValidationError naming the line for each row that cannot be read."""
    header: dict[str, int] | None = None
    count = 0
    for line, cells in enumerate(_cells(data), start=1):
        if header is None:
            header = _header(cells)
            if line > 30 and header is None:
                break
            continue
        if not any(cell.strip() for cell in cells) or cells[0].strip().startswith(SUMMARY_ROWS):
            continue
        count += 1
        if count > MAX_ROWS:
            yield ValidationError(_("A statement of more than %(max)d rows: split it.") % {"max": MAX_ROWS})
            return

        try:
            credit = _amount(_cell(cells, header, "credit"))
            if credit < 0:
                raise ValueError(_("money in cannot be negative"))
            reference = _cell(cells, header, "bank_reference")
            if not reference:
                raise ValueError(_("the bank reference is empty"))
            yield BankRow(
                line,
                _date(_cell(cells, header, "booked_on")),
                credit,
                _cell(cells, header, "payer"),
                _cell(cells, header, "memo"),
                reference[:60],
            )
        except ValueError as error:
            yield ValidationError(_("Line %(line)d: %(error)s.") % {"line": line, "error": error})
    if header is None:
        yield ValidationError(
            _(
                "No header row found: the statement needs columns for the date (交易日期), the amount received "
                "(贷方金额) and the bank reference (交易流水号)."
            )
        )
