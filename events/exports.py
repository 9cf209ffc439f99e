"""The delegate list of an event, for staff only, every export recorded."""

import csv
import io

import openpyxl
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import ExportLog
from core.spreadsheets import append_as_text, csv_cell
from events.models import Delegate


def delegates_for(event):
    """Confirmed delegates grouped by city, in protocol order within each city."""
    return list(
        Delegate.objects.filter(delegation__event=event).confirmed()
        .select_related("delegation__city", "delegation__city__region")
        .order_by("delegation__city__region__order", "delegation__city__joined_on", "delegation__city__name", "rank", "id")
    )


def _header():
    return [_("City"), _("Name"), _("Gender"), _("Position"), _("Protocol rank"), _("Head of delegation"), _("Mobile"),
            _("Arrival"), _("Arriving by"), _("Departure"), _("Leaving by"), _("Accommodation"), _("Dietary needs"), _("Remarks")]


def _when(value):
    return f"{timezone.localtime(value):%Y-%m-%d %H:%M}" if value else ""


def _row(delegate):
    return [delegate.delegation.city.name, delegate.name, delegate.get_gender_display(), delegate.position, delegate.rank,
            _("yes") if delegate.is_head else "", delegate.mobile, _when(delegate.arrival), delegate.arrival_by,
            _when(delegate.departure), delegate.departure_by, delegate.get_accommodation_display(), delegate.dietary_needs,
            delegate.remarks]


def _log(event, by, kind, count):
    ExportLog.objects.create(user=by, what=_("Delegates of %(event)s (%(kind)s)") % {"event": event.display_title, "kind": kind},
                             row_count=count)


def delegates_xlsx(event, *, by):
    people = delegates_for(event)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = _("Delegates")[:31]
    sheet.append(_header())
    for delegate in people:
        append_as_text(sheet, _row(delegate))
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    _log(event, by, "XLSX", len(people))
    return buffer.getvalue()


def delegates_csv(event, *, by):
    people = delegates_for(event)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_header())
    writer.writerows([csv_cell(value) for value in _row(delegate)] for delegate in people)
    _log(event, by, "CSV", len(people))
    return "\ufeff" + buffer.getvalue()  # a BOM so that Excel reads the UTF-8 Chinese text
