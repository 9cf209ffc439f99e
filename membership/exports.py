"""Spreadsheets for the finance officer, with Chinese headers; every export is recorded in the export log."""

import io

import openpyxl
from django.utils.translation import gettext as _

from core.models import ExportLog
from core.spreadsheets import append_as_text


def _workbook(title, headers, rows, widths):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(headers)
    count = 0
    for row in rows:
        append_as_text(sheet, row)
        count += 1
    for index, width in enumerate(widths):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(index + 1)].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), count


def arrears_workbook(*, notices, by):
    """One row per notice with money outstanding: region, city, year, level, due, paid, waived, outstanding."""
    content, count = _workbook(
        _("Dues in arrears"),
        [
            _("Region"),
            _("City"),
            _("Year"),
            _("Membership level"),
            _("Payment reference"),
            _("Due (yuan)"),
            _("Paid (yuan)"),
            _("Waived (yuan)"),
            _("Outstanding (yuan)"),
            _("Due on"),
        ],
        (
            [
                notice.city.region.name,
                notice.city.name,
                notice.year,
                notice.get_level_display(),
                notice.reference,
                notice.amount,
                notice.paid,
                notice.waived,
                notice.outstanding,
                notice.due_on,
            ]
            for notice in notices
        ),
        (10, 14, 6, 14, 14, 12, 12, 12, 12, 12),
    )
    ExportLog.objects.create(user=by, what=_("Dues in arrears"), row_count=count)
    return content


def receipts_workbook(*, receipts, by):
    """The receipt book: every receipt with its number, reversals included, as the auditors read it."""
    content, count = _workbook(
        _("Receipts"),
        [
            _("Receipt number"),
            _("City"),
            _("Dues year"),
            _("Amount (yuan)"),
            _("Date received"),
            _("Bank reference"),
            _("Issued at"),
            _("Reverses receipt"),
        ],
        (
            [
                receipt.code,
                receipt.payment.notice.city.name,
                receipt.payment.notice.year,
                receipt.amount,
                receipt.payment.paid_on,
                receipt.payment.bank_reference,
                receipt.issued_at.strftime("%Y-%m-%d %H:%M"),
                receipt.reverses.code if receipt.reverses_id else "",
            ]
            for receipt in receipts
        ),
        (14, 14, 8, 12, 12, 22, 16, 14),
    )
    ExportLog.objects.create(user=by, what=_("Receipts"), row_count=count)
    return content
