"""Import of cities and officers (CSV, XLSX): preview, then all rows or none. The roster export: staff only, logged."""

import datetime
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.signing import dumps

from members.contributions import LIAISON_OFFICERS
from core.models import ExportLog
from members.models import LiaisonOfficer, MemberCity
from tests.factories import LiaisonOfficerFactory, MemberCityFactory, RegionFactory
from tests.html import parse

pytestmark = pytest.mark.django_db

CITIES_URL = "/admin/members/membercity/import/"
OFFICERS_URL = "/admin/members/liaisonofficer/import/"
CITY_COLUMNS = ["name", "name_en", "slug", "level", "region", "joined_on", "population", "area", "website"]
CITY_ROWS = [
    ["柳州市", "Liuzhou", "liuzhou", "prefecture", "广西壮族自治区", "1993-06-18", "417", "18600", "https://www.liuzhou.gov.cn"],
    ["东兴市", "Dongxing", "dongxing", "county", "广西壮族自治区", "2004-06-18", "21", "590", ""],
    ["湛江市", "Zhanjiang", "zhanjiang", "prefecture", "广东省", "", "", "", ""],
]
OFFICER_COLUMNS = ["city", "name", "position", "office_phone", "mobile", "email", "appointed_on", "is_primary"]
OFFICER_ROWS = [
    ["liuzhou", "覃立新", "市人民政府副秘书长", "0772-2800 123", "13877200001", "qinlixin@liuzhou.example.cn", "2023-03-01", "yes"],
    ["liuzhou", "莫红霞", "市人民政府办公室副主任", "", "13877200002", "mohongxia@liuzhou.example.cn", "2024-03-01", "no"],
    ["dongxing", "农振华", "市人民政府副秘书长", "0770-7600 100", "", "nongzhenhua@dongxing.example.cn", "2022-05-01", "是"],
]


@pytest.fixture
def regions(region):
    return [region, RegionFactory(name="广东省", name_en="Guangdong")]


@pytest.fixture
def cities(regions):
    return [MemberCityFactory(slug="liuzhou", name="柳州市", region=regions[0]),
            MemberCityFactory(slug="dongxing", name="东兴市", region=regions[0], level="county")]


@pytest.fixture
def manager_client(client, membership_manager):
    client.force_login(membership_manager)
    return client


def csv_file(columns, rows, name="rows.csv", encoding="utf-8"):
    lines = [",".join(columns)] + [",".join(row) for row in rows]
    return SimpleUploadedFile(name, ("\n".join(lines) + "\n").encode(encoding), content_type="text/csv")


def xlsx_file(columns, rows, name="rows.xlsx"):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(columns)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(),
                              content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def preview_rows(response):
    """{row number: (has the error class, error text)} from the preview table."""
    table = parse(response).find("div", id="content").find("table")
    rows = {}
    for tr in table.find("tbody").find_all("tr"):
        cells = tr.find_all("td")
        rows[int(cells[0].text)] = ("import-error" in tr.classes, cells[-1].text)
    return rows


def signed_rows(response):
    field = parse(response).find("input", name="rows")
    return field["value"] if field else None


def state():
    return (MemberCity.objects.count(), LiaisonOfficer.objects.count(), get_user_model().objects.count())


def upload_and_confirm(client, url, upload):
    preview = client.post(url, {"file": upload})
    assert preview.status_code == 200, preview.content.decode()[:2000]
    assert preview.context["valid"] is True
    return preview, client.post(url, {"confirm": "1", "rows": signed_rows(preview)})


@pytest.mark.parametrize("url", [CITIES_URL, OFFICERS_URL])
def test_the_import_page_offers_a_file_field(manager_client, url):
    response = manager_client.get(url)

    assert response.status_code == 200
    assert parse(response).find("input", type="file", name="file") is not None


def test_a_valid_csv_of_cities_is_previewed_then_imported(manager_client, regions):
    preview = manager_client.post(CITIES_URL, {"file": csv_file(CITY_COLUMNS, CITY_ROWS)})

    assert preview.status_code == 200
    assert preview_rows(preview) == {2: (False, ""), 3: (False, ""), 4: (False, "")}
    assert MemberCity.objects.count() == 0  # the preview saves nothing

    response = manager_client.post(CITIES_URL, {"confirm": "1", "rows": signed_rows(preview)})

    assert response.status_code == 302
    assert response["Location"] == "/admin/members/membercity/"
    liuzhou = MemberCity.objects.get(slug="liuzhou")
    assert (liuzhou.name, liuzhou.region, liuzhou.level, liuzhou.population, liuzhou.joined_on) == (
        "柳州市", regions[0], "prefecture", 417, datetime.date(1993, 6, 18))
    assert MemberCity.objects.get(slug="zhanjiang").region == regions[1]
    assert MemberCity.objects.count() == 3


def test_a_csv_saved_by_excel_with_a_byte_order_mark_and_spaces_is_read(manager_client, regions):
    upload = csv_file([" Name", "SLUG ", "level", "region"], [["柳州市", " liuzhou ", "prefecture", "广西壮族自治区"]])
    upload = SimpleUploadedFile("cities.CSV", b"\xef\xbb\xbf" + upload.read())

    upload_and_confirm(manager_client, CITIES_URL, upload)

    assert MemberCity.objects.get(slug="liuzhou").name == "柳州市"


def test_a_valid_csv_of_officers_is_imported_with_their_accounts(manager_client, cities):
    _preview, response = upload_and_confirm(manager_client, OFFICERS_URL, csv_file(OFFICER_COLUMNS, OFFICER_ROWS))

    assert response.status_code == 302
    assert LiaisonOfficer.objects.count() == 3
    primary = LiaisonOfficer.objects.get(email="qinlixin@liuzhou.example.cn")
    assert (primary.city.slug, primary.is_primary, primary.mobile) == ("liuzhou", True, "13877200001")
    assert LiaisonOfficer.objects.get(email="mohongxia@liuzhou.example.cn").is_primary is False
    assert LiaisonOfficer.objects.get(email="nongzhenhua@dongxing.example.cn").is_primary is True
    for officer in LiaisonOfficer.objects.select_related("user"):
        assert officer.user.email == officer.email
        assert not officer.user.is_staff and not officer.user.has_usable_password()
        assert officer.user.groups.filter(name=LIAISON_OFFICERS).exists()


def test_a_valid_xlsx_of_cities_with_date_cells_is_imported(manager_client, regions):
    """Excel stores a typed-in date as a date cell, not as text."""
    rows = [["柳州市", "Liuzhou", "liuzhou", "prefecture", "广西壮族自治区", datetime.date(1993, 6, 18), 417, 18600, None]]

    _preview, response = upload_and_confirm(manager_client, CITIES_URL, xlsx_file(CITY_COLUMNS, rows))

    assert response.status_code == 302
    assert MemberCity.objects.get(slug="liuzhou").joined_on == datetime.date(1993, 6, 18)


def test_a_valid_xlsx_of_cities_with_number_cells_is_imported(manager_client, regions):
    rows = [["柳州市", "Liuzhou", "liuzhou", "prefecture", "广西壮族自治区", "1993-06-18", 417, 18600, None],
            ["东兴市", "Dongxing", "dongxing", "county", "广西壮族自治区", None, 21.0, 590.0, None]]

    _preview, response = upload_and_confirm(manager_client, CITIES_URL, xlsx_file(CITY_COLUMNS, rows))

    assert response.status_code == 302
    assert MemberCity.objects.get(slug="liuzhou").population == 417
    assert (MemberCity.objects.get(slug="dongxing").population, MemberCity.objects.get(slug="dongxing").area) == (21, 590)


def test_a_valid_xlsx_of_cities_with_text_cells_is_imported(manager_client, regions):
    _preview, response = upload_and_confirm(manager_client, CITIES_URL, xlsx_file(CITY_COLUMNS, CITY_ROWS))

    assert response.status_code == 302
    assert set(MemberCity.objects.values_list("slug", flat=True)) == {"liuzhou", "dongxing", "zhanjiang"}


def test_a_valid_xlsx_of_officers_is_imported(manager_client, cities):
    rows = [[*row[:4], row[4] and int(row[4]), *row[5:7], row[7] in ("yes", "是")] for row in OFFICER_ROWS]

    _preview, response = upload_and_confirm(manager_client, OFFICERS_URL, xlsx_file(OFFICER_COLUMNS, rows))

    assert response.status_code == 302
    assert LiaisonOfficer.objects.filter(is_primary=True).count() == 2
    assert LiaisonOfficer.objects.get(email="qinlixin@liuzhou.example.cn").mobile == "13877200001"


def with_row(rows, index, **changes):
    columns = CITY_COLUMNS if len(rows[0]) == len(CITY_COLUMNS) else OFFICER_COLUMNS
    changed = [list(row) for row in rows]
    for column, value in changes.items():
        changed[index][columns.index(column)] = value
    return changed


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
        pytest.param("cities.csv", "名称,slug\n柳州,liuzhou\n".encode("gbk"), id="gbk csv"),
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


def confirm(client, url, rows):
    return client.post(url, {"confirm": "1", "rows": rows})


def test_tampered_rows_on_confirm_import_nothing(manager_client, regions):
    preview = manager_client.post(CITIES_URL, {"file": csv_file(CITY_COLUMNS, CITY_ROWS)})
    signed = signed_rows(preview)
    payload, _colon, signature = signed.rpartition(":")
    forged = dumps([dict(zip(CITY_COLUMNS, row)) for row in with_row(CITY_ROWS, 0, slug="forged")], salt="wrong salt")

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


@pytest.mark.parametrize("who", ["news_editor", "staff_user"])
@pytest.mark.parametrize("url", [CITIES_URL, OFFICERS_URL])
def test_staff_without_the_members_permissions_get_403_on_the_import_pages(client, request, regions, who, url):
    client.force_login(request.getfixturevalue(who))
    columns, rows = (CITY_COLUMNS, CITY_ROWS) if url == CITIES_URL else (OFFICER_COLUMNS, OFFICER_ROWS)
    signed = dumps([dict(zip(columns, row)) for row in rows], salt="import-cities")

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


def export(client, officers):
    return client.post("/admin/members/liaisonofficer/", {
        "action": "export_roster", "_selected_action": [o.pk for o in officers], "index": 0,
    })


def test_the_roster_export_is_an_xlsx_of_the_selected_officers_and_is_logged(manager_client, membership_manager,
                                                                           officer, other_officer):
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


@pytest.mark.parametrize("who", ["news_editor", "staff_user"])
def test_staff_without_the_members_permissions_cannot_export_the_roster(client, request, officer, who):
    client.force_login(request.getfixturevalue(who))

    response = export(client, [officer])

    assert response.status_code == 403
    assert not response.get("Content-Type", "").startswith("application/vnd.openxmlformats")
    assert ExportLog.objects.count() == 0


def test_the_roster_export_writes_what_officers_typed_as_text_never_as_formulas(manager_client, officer):
    """An officer edits their own position on the portal: a leading "=" must not become a live formula."""
    LiaisonOfficer.objects.filter(pk=officer.pk).update(position='=HYPERLINK("https://evil.example.com","点此")')

    response = export(manager_client, [officer])

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [cell.data_type for cell in sheet[2] if cell.value is not None and cell.data_type == "f"] == []


def test_officers_import_with_chinese_headers_and_city_names(manager_client, cities):
    headers = ["所在城市", "姓名", "职务", "办公电话", "手机", "电子邮箱", "任命日期", "主联络员"]
    rows = [["柳州市", "覃立新", "市人民政府副秘书长", "0772-2800123", "13877200001", "qinlixin@liuzhou.example.cn",
             "2023-03-01", "是"]]
    _preview, response = upload_and_confirm(manager_client, OFFICERS_URL, xlsx_file(headers, rows))
    assert response.status_code == 302
    officer = LiaisonOfficer.objects.get(email="qinlixin@liuzhou.example.cn")
    assert (officer.city.slug, officer.name, officer.is_primary) == ("liuzhou", "覃立新", True)


def test_cities_import_with_chinese_headers_and_chinese_level(manager_client, regions):
    headers = ["城市名称", "英文名称", "网址标识", "城市级别", "所属地区", "入会日期"]
    rows = [["钦州市", "Qinzhou", "qinzhou", "设区市", "广西壮族自治区", "2008-06-01"]]
    assert upload_and_confirm(manager_client, CITIES_URL, csv_file(headers, rows))[1].status_code == 302
    assert MemberCity.objects.get(slug="qinzhou").level == MemberCity.Level.PREFECTURE


@pytest.mark.parametrize("url, kind", [(CITIES_URL, "cities"), (OFFICERS_URL, "officers")])
def test_the_template_carries_the_headers_and_an_example_that_imports_as_it_is(manager_client, url, kind, cities):
    response = manager_client.get(f"{url}template.xlsx")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = book.worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in header) for header in headers)  # Chinese headers
    assert sheet.max_row == 2 and book.worksheets[1].max_row == len(headers) + 1
    if kind == "officers":
        rows = [[cell.value for cell in sheet[2]]]
        rows[0][0] = "柳州市"  # the example's city must exist here
        upload = xlsx_file(headers, rows)
        assert upload_and_confirm(manager_client, url, upload)[1].status_code == 302
