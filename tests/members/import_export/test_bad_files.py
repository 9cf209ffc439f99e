"""Files that import nothing: a bad row, an unreadable file, tampered or stale rows."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.signing import dumps

from members.models import MemberCity
from tests.factories import LiaisonOfficerFactory, MemberCityFactory
from tests.html import parse
from tests.members.import_export.helpers import (
    CITIES_URL,
    CITY_COLUMNS,
    CITY_ROWS,
    OFFICER_COLUMNS,
    OFFICER_ROWS,
    OFFICERS_URL,
    confirm,
    csv_file,
    preview_rows,
    signed_rows,
    state,
    with_row,
)

pytestmark = pytest.mark.django_db


BAD_CITY_FILES = {
    "unknown region": (with_row(CITY_ROWS, 1, region="火星自治区"), 3),
    "bad level": (with_row(CITY_ROWS, 2, level="capital"), 4),
    "duplicate slug in the file": (with_row(CITY_ROWS, 2, slug="liuzhou"), 4),
    "slug of a city already there": (with_row(CITY_ROWS, 1, slug="beihai"), 3),
    "reserved slug": (with_row(CITY_ROWS, 1, slug="honours"), 3),
    "bad date": (with_row(CITY_ROWS, 0, joined_on="1993-13-40"), 2),
    "negative population": (with_row(CITY_ROWS, 1, population="-5"), 3),
    "missing name": (with_row(CITY_ROWS, 2, name=""), 4),
}


@pytest.mark.parametrize("problem", BAD_CITY_FILES)
def test_a_cities_file_with_one_bad_row_shows_its_error_and_imports_nothing(manager_client, regions, problem):
    MemberCityFactory(slug="beihai", region=regions[0])
    rows, bad_row = BAD_CITY_FILES[problem]
    before = state()

    response = manager_client.post(CITIES_URL, {"file": csv_file(CITY_COLUMNS, rows)})

    assert response.status_code == 400
    preview = preview_rows(response)
    assert [number for number, (error, _text) in preview.items() if error] == [bad_row]
    assert preview[bad_row][1]
    assert signed_rows(response) is None  # no confirm button
    assert state() == before


BAD_OFFICER_FILES = {
    "second primary officer for a city in the file": (with_row(OFFICER_ROWS, 1, is_primary="yes"), 3),
    "bad e-mail": (with_row(OFFICER_ROWS, 2, email="nongzhenhua-at-dongxing"), 4),
    "unknown city": (with_row(OFFICER_ROWS, 1, city="atlantis"), 3),
    "duplicate e-mail in the file": (with_row(OFFICER_ROWS, 2, email="QinLiXin@liuzhou.example.cn"), 4),
    "bad phone number": (with_row(OFFICER_ROWS, 0, mobile="call me"), 2),
    "missing position": (with_row(OFFICER_ROWS, 1, position=""), 3),
}


@pytest.mark.parametrize("problem", BAD_OFFICER_FILES)
def test_an_officers_file_with_one_bad_row_shows_its_error_and_imports_nothing(manager_client, cities, problem):
    rows, bad_row = BAD_OFFICER_FILES[problem]
    before = state()

    response = manager_client.post(OFFICERS_URL, {"file": csv_file(OFFICER_COLUMNS, rows)})

    assert response.status_code == 400
    preview = preview_rows(response)
    assert [number for number, (error, _text) in preview.items() if error] == [bad_row]
    assert preview[bad_row][1]
    assert signed_rows(response) is None
    assert state() == before


def test_a_primary_officer_for_a_city_that_already_has_one_is_refused(manager_client, cities):
    LiaisonOfficerFactory(city=cities[1])
    before = state()

    response = manager_client.post(OFFICERS_URL, {"file": csv_file(OFFICER_COLUMNS, OFFICER_ROWS)})

    assert response.status_code == 400
    assert [number for number, (error, _text) in preview_rows(response).items() if error] == [4]
    assert state() == before


def test_the_row_numbers_of_errors_are_the_spreadsheets_even_after_a_blank_line(manager_client, regions):
    upload = csv_file(CITY_COLUMNS, [CITY_ROWS[0], [""] * len(CITY_COLUMNS), with_row(CITY_ROWS, 1, level="x")[1]])

    response = manager_client.post(CITIES_URL, {"file": upload})

    assert response.status_code == 400
    assert [number for number, (error, _text) in preview_rows(response).items() if error] == [4]


@pytest.mark.parametrize(
    "name, content",
    [
        pytest.param("cities.txt", "name,slug\n柳州,liuzhou\n".encode(), id="text file"),
        pytest.param("cities.pdf", b"%PDF-1.4\n%%EOF\n", id="pdf"),
        pytest.param("cities.xlsx", b"name,slug\nx,y\n", id="csv named .xlsx"),
        pytest.param("cities.csv", b"", id="empty file"),
        pytest.param("cities.csv", b"name,slug,level,region\n", id="header only"),
        pytest.param("cities.csv", b"\n\n,,,\n", id="blank lines"),
        pytest.param(None, None, id="no file"),
    ],
)
@pytest.mark.parametrize("url", [CITIES_URL, OFFICERS_URL])
def test_a_file_that_is_not_a_readable_csv_or_xlsx_gets_a_clear_error(manager_client, cities, url, name, content):
    before = state()

    response = manager_client.post(url, {"file": SimpleUploadedFile(name, content) if name else ""})

    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["file"]
    assert parse(response).find("ul", class_="errorlist") is not None
    assert parse(response).find("div", id="content").find("table") is None
    assert state() == before


def test_tampered_rows_on_confirm_import_nothing(manager_client, regions):
    preview = manager_client.post(CITIES_URL, {"file": csv_file(CITY_COLUMNS, CITY_ROWS)})
    signed = signed_rows(preview)
    payload, _colon, signature = signed.rpartition(":")
    forged = dumps(
        [dict(zip(CITY_COLUMNS, row, strict=True)) for row in with_row(CITY_ROWS, 0, slug="forged")], salt="wrong salt"
    )

    for rows in (payload[:-3] + "abc:" + signature, payload + ":" + signature[::-1], "[]", "", forged):
        response = confirm(manager_client, CITIES_URL, rows)
        assert response.status_code == 302
        assert response["Location"] == CITIES_URL
        assert MemberCity.objects.count() == 0


def test_rows_signed_for_cities_cannot_be_confirmed_as_officers(manager_client, cities):
    preview = manager_client.post(CITIES_URL, {"file": csv_file(CITY_COLUMNS, with_row(CITY_ROWS, 0, slug="x")[:1])})
    before = state()

    confirm(manager_client, OFFICERS_URL, signed_rows(preview))

    assert state() == before


def test_rows_that_became_invalid_since_the_preview_import_nothing(manager_client, regions):
    preview = manager_client.post(CITIES_URL, {"file": csv_file(CITY_COLUMNS, CITY_ROWS)})
    MemberCityFactory(slug="zhanjiang", region=regions[1])

    response = confirm(manager_client, CITIES_URL, signed_rows(preview))

    assert response.status_code == 302
    assert response["Location"] == CITIES_URL
    assert list(MemberCity.objects.values_list("slug", flat=True)) == ["zhanjiang"]
