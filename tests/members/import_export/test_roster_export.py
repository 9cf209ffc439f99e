"""The roster export: the selected officers as XLSX, logged, text never formulas."""

import io

import openpyxl
import pytest

from core.models import ExportLog
from members.models import LiaisonOfficer
from tests.factories import LiaisonOfficerFactory
from tests.members.import_export.helpers import export

pytestmark = pytest.mark.django_db


def test_the_roster_export_is_an_xlsx_of_the_selected_officers_and_is_logged(
    manager_client, membership_manager, officer, other_officer
):
    LiaisonOfficerFactory(city=officer.city, deputy=True, name="不导出", email="not.selected@beihai.example.cn")

    response = export(manager_client, [officer, other_officer])

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["Content-Disposition"].startswith("attachment;") and ".xlsx" in response["Content-Disposition"]
    rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(rows) == 3  # the header and two officers
    data = {row[2]: row for row in rows[1:]}
    assert set(data) == {"林海波", "邓晓岚"}
    for person in (officer, other_officer):
        row = data[person.name]
        assert row[1] == person.city.name and row[0] == person.city.region.name
        assert {person.position, person.office_phone, person.mobile, person.email} <= set(row)
    log = ExportLog.objects.get()
    assert (log.user, log.row_count) == (membership_manager, 2)


def test_the_roster_export_writes_what_officers_typed_as_text_never_as_formulas(manager_client, officer):
    """An officer edits their own position on the portal: a leading "=" must not become a live formula."""
    LiaisonOfficer.objects.filter(pk=officer.pk).update(position='=HYPERLINK("https://evil.example.com","点此")')

    response = export(manager_client, [officer])

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [cell.data_type for cell in sheet[2] if cell.value is not None and cell.data_type == "f"] == []
