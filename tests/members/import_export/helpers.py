"""Files, uploads and reads shared by the import and export tests."""

import io

import openpyxl
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from members.models import LiaisonOfficer, MemberCity
from tests.html import parse

CITIES_URL = "/admin/members/membercity/import/"
OFFICERS_URL = "/admin/members/liaisonofficer/import/"
CITY_COLUMNS = ["name", "name_en", "slug", "level", "region", "joined_on", "population", "area", "website"]
CITY_ROWS = [
    [
        "柳州市",
        "Liuzhou",
        "liuzhou",
        "prefecture",
        "广西壮族自治区",
        "1993-06-18",
        "417",
        "18600",
        "https://www.liuzhou.gov.cn",
    ],
    ["东兴市", "Dongxing", "dongxing", "county", "广西壮族自治区", "2004-06-18", "21", "590", ""],
    ["湛江市", "Zhanjiang", "zhanjiang", "prefecture", "广东省", "", "", "", ""],
]
OFFICER_COLUMNS = ["city", "name", "position", "office_phone", "mobile", "email", "appointed_on", "is_primary"]
OFFICER_ROWS = [
    [
        "liuzhou",
        "覃立新",
        "市人民政府副秘书长",
        "0772-2800 123",
        "13877200001",
        "qinlixin@liuzhou.example.cn",
        "2023-03-01",
        "yes",
    ],
    [
        "liuzhou",
        "莫红霞",
        "市人民政府办公室副主任",
        "",
        "13877200002",
        "mohongxia@liuzhou.example.cn",
        "2024-03-01",
        "no",
    ],
    [
        "dongxing",
        "农振华",
        "市人民政府副秘书长",
        "0770-7600 100",
        "",
        "nongzhenhua@dongxing.example.cn",
        "2022-05-01",
        "是",
    ],
]


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
    return SimpleUploadedFile(
        name, buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


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


def with_row(rows, index, **changes):
    columns = CITY_COLUMNS if len(rows[0]) == len(CITY_COLUMNS) else OFFICER_COLUMNS
    changed = [list(row) for row in rows]
    for column, value in changes.items():
        changed[index][columns.index(column)] = value
    return changed


def confirm(client, url, rows):
    return client.post(url, {"confirm": "1", "rows": rows})


def export(client, officers):
    return client.post(
        "/admin/members/liaisonofficer/",
        {
            "action": "export_roster",
            "_selected_action": [o.pk for o in officers],
            "index": 0,
        },
    )
