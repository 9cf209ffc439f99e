"""Exports of officers' personal data: staff only, and every one recorded."""

import io

import openpyxl
from django.utils.translation import gettext as _

from core.models import ExportLog
from core.spreadsheets import append_as_text


def officer_roster(*, queryset, by):
    """The roster as XLSX bytes, one row per officer, recorded in the export log."""
    officers = list(
        queryset.select_related("city", "city__region").order_by("city__region__order", "city__name", "-is_primary")
    )
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = _("Liaison officers")[:31]
    sheet.append(
        [
            _("Region"),
            _("City"),
            _("Name"),
            _("Name in Latin script"),
            _("Position"),
            _("Office phone"),
            _("Mobile"),
            _("E-mail"),
            _("Primary"),
            _("Appointed on"),
            _("Ended on"),
        ]
    )
    for officer in officers:
        append_as_text(
            sheet,
            [
                officer.city.region.name,
                officer.city.name,
                officer.name,
                officer.name_latin,
                officer.position,
                officer.office_phone,
                officer.mobile,
                officer.email,
                _("yes") if officer.is_primary else _("no"),
                officer.appointed_on,
                officer.ended_on,
            ],
        )
    for column, width in zip("ABCDEFGHIJK", (10, 10, 10, 16, 28, 16, 16, 28, 6, 12, 12), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    ExportLog.objects.create(user=by, what=_("Liaison officer roster"), row_count=len(officers))
    return buffer.getvalue()
