"""The delegate list of an event, for staff only, every export recorded."""

import csv
import io

import openpyxl
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core.models import ExportLog
from core.spreadsheets import append_as_text, csv_cell
from events.models import Delegate


def delegates_for(event, *, confirmed_only=True):
    """Delegates grouped by delegation (member cities in the directory's order, then guests by name), in protocol
    order within each."""
    delegates = Delegate.objects.filter(delegation__event=event)
    if confirmed_only:
        delegates = delegates.confirmed()
    return list(
        delegates.select_related("delegation__city", "delegation__city__region", "delegation__guest").order_by(
            F("delegation__city__region__order").asc(nulls_last=True),
            "delegation__city__joined_on",
            "delegation__city__name",
            "delegation__guest__organisation",
            "delegation_id",
            "rank",
            "id",
        )
    )


def _header():
    return [
        _("Delegation"),
        pgettext("person", "Name"),
        _("Name in Latin script"),
        _("Gender"),
        _("Position"),
        _("Protocol rank"),
        _("Head of delegation"),
        _("Mobile"),
        _("Arrival"),
        _("Arriving by"),
        _("Departure"),
        _("Leaving by"),
        _("Accommodation"),
        _("Dietary needs"),
        _("Remarks"),
    ]


def _when(value):
    return f"{timezone.localtime(value):%Y-%m-%d %H:%M}" if value else ""


def _row(delegate):
    return [
        delegate.delegation.party_name,
        delegate.name,
        delegate.name_latin,
        delegate.get_gender_display(),
        delegate.position,
        delegate.rank,
        _("yes") if delegate.is_head else "",
        delegate.mobile,
        _when(delegate.arrival),
        delegate.arrival_by,
        _when(delegate.departure),
        delegate.departure_by,
        delegate.get_accommodation_display(),
        delegate.dietary_needs,
        delegate.remarks,
    ]


def _log(event, by, kind, count):
    ExportLog.objects.create(
        user=by,
        what=_("Delegates of %(event)s (%(kind)s)") % {"event": event.display_title, "kind": kind},
        row_count=count,
    )


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
