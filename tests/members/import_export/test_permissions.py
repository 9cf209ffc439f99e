"""Who may reach the import pages and the roster export."""

import pytest
from django.core.signing import dumps

from core.models import ExportLog
from tests.members.import_export.helpers import (
    CITIES_URL,
    CITY_COLUMNS,
    CITY_ROWS,
    OFFICER_COLUMNS,
    OFFICER_ROWS,
    OFFICERS_URL,
    confirm,
    csv_file,
    export,
    state,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["news_editor", "staff_user"])
@pytest.mark.parametrize("url", [CITIES_URL, OFFICERS_URL])
def test_staff_without_the_members_permissions_get_403_on_the_import_pages(client, request, regions, who, url):
    client.force_login(request.getfixturevalue(who))
    columns, rows = (CITY_COLUMNS, CITY_ROWS) if url == CITIES_URL else (OFFICER_COLUMNS, OFFICER_ROWS)
    signed = dumps([dict(zip(columns, row, strict=True)) for row in rows], salt="import-cities")

    assert client.get(url).status_code == 403
    assert client.post(url, {"file": csv_file(columns, rows)}).status_code == 403
    assert confirm(client, url, signed).status_code == 403
    assert state() == (0, 0, 1)


@pytest.mark.parametrize("url", [CITIES_URL, OFFICERS_URL])
def test_an_officer_cannot_reach_the_import_pages(client, url, officer):
    client.force_login(officer.user)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("who", ["news_editor", "staff_user"])
def test_staff_without_the_members_permissions_cannot_export_the_roster(client, request, officer, who):
    client.force_login(request.getfixturevalue(who))

    response = export(client, [officer])

    assert response.status_code == 403
    assert not response.get("Content-Type", "").startswith("application/vnd.openxmlformats")
    assert ExportLog.objects.count() == 0
