"""Files that import: CSV and XLSX of cities and officers, Chinese headers, the template."""

import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from members.contributions import LIAISON_OFFICERS
from members.models import LiaisonOfficer, MemberCity
from tests.html import parse
from tests.members.import_export.helpers import (
    CITIES_URL,
    CITY_COLUMNS,
    CITY_ROWS,
    OFFICER_COLUMNS,
    OFFICER_ROWS,
    OFFICERS_URL,
    csv_file,
    preview_rows,
    signed_rows,
    upload_and_confirm,
    xlsx_file,
)

pytestmark = pytest.mark.django_db


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
        "柳州市",
        regions[0],
        "prefecture",
        417,
        datetime.date(1993, 6, 18),
    )
    assert MemberCity.objects.get(slug="zhanjiang").region == regions[1]
    assert MemberCity.objects.count() == 3


def test_a_csv_saved_by_excel_with_a_byte_order_mark_and_spaces_is_read(manager_client, regions):
    upload = csv_file([" Name", "SLUG ", "level", "region"], [["柳州市", " liuzhou ", "prefecture", "广西壮族自治区"]])
    upload = SimpleUploadedFile("cities.CSV", b"\xef\xbb\xbf" + upload.read())

    upload_and_confirm(manager_client, CITIES_URL, upload)

    assert MemberCity.objects.get(slug="liuzhou").name == "柳州市"


def test_a_csv_saved_by_excel_on_a_chinese_windows_in_gbk_is_read_and_previewed_under_chinese_headings(
    manager_client, regions
):
    text = "城市名称,网址标识,城市级别,所属地区\n柳州市,liuzhou,设区市,广西壮族自治区\n"
    upload = SimpleUploadedFile("城市.csv", text.encode("gbk"))

    preview = manager_client.post(CITIES_URL, {"file": upload})

    headings = [th.text for th in parse(preview).find("div", id="content").find("table").find_all("th")]
    assert preview.status_code == 200 and headings[1:5] == ["城市", "网址标识", "城市级别", "所属地区"]
    manager_client.post(CITIES_URL, {"confirm": "1", "rows": signed_rows(preview)})
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
    rows = [
        ["柳州市", "Liuzhou", "liuzhou", "prefecture", "广西壮族自治区", datetime.date(1993, 6, 18), 417, 18600, None]
    ]

    _preview, response = upload_and_confirm(manager_client, CITIES_URL, xlsx_file(CITY_COLUMNS, rows))

    assert response.status_code == 302
    assert MemberCity.objects.get(slug="liuzhou").joined_on == datetime.date(1993, 6, 18)


def test_a_valid_xlsx_of_cities_with_number_cells_is_imported(manager_client, regions):
    rows = [
        ["柳州市", "Liuzhou", "liuzhou", "prefecture", "广西壮族自治区", "1993-06-18", 417, 18600, None],
        ["东兴市", "Dongxing", "dongxing", "county", "广西壮族自治区", None, 21.0, 590.0, None],
    ]

    _preview, response = upload_and_confirm(manager_client, CITIES_URL, xlsx_file(CITY_COLUMNS, rows))

    assert response.status_code == 302
    assert MemberCity.objects.get(slug="liuzhou").population == 417
    assert (MemberCity.objects.get(slug="dongxing").population, MemberCity.objects.get(slug="dongxing").area) == (
        21,
        590,
    )


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


def test_officers_import_with_chinese_headers_and_city_names(manager_client, cities):
    headers = ["所在城市", "姓名", "职务", "办公电话", "手机", "电子邮箱", "任命日期", "主联络员"]
    rows = [
        [
            "柳州市",
            "覃立新",
            "市人民政府副秘书长",
            "0772-2800123",
            "13877200001",
            "qinlixin@liuzhou.example.cn",
            "2023-03-01",
            "是",
        ]
    ]
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
