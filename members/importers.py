"""Import member cities and liaison officers from CSV or XLSX: every row is checked first, and
nothing is saved unless the whole file is valid."""

import csv
import datetime
import io
import zipfile

import openpyxl
from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from core.i18n.translation import column, content_languages, interface_languages
from core.i18n.translation import columns as translation_columns
from members import services
from members.models import LiaisonOfficer, MemberCity, Region

MAX_ROWS = 2000
LINE = "__line__"  # the row's line number in the file, carried with its values


def read_rows(upload, kind):
    """The rows of a CSV (UTF-8) or XLSX file as dicts keyed by field name, whatever language the first row's
    headers are in (header_names)."""
    name = upload.name.lower()
    try:
        if name.endswith(".xlsx"):
            sheet = openpyxl.load_workbook(upload, read_only=True, data_only=True).active
            values = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        elif name.endswith(".csv"):
            text = _decoded(upload.read())
            values = [[v.strip() for v in row] for row in csv.reader(io.StringIO(text))]
        else:
            raise ValidationError(_("Upload a .csv or .xlsx file."))
    except (UnicodeDecodeError, csv.Error):
        raise ValidationError(_("The file could not be read: save it as CSV (UTF-8 or GBK) or as .xlsx.")) from None
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, openpyxl.utils.exceptions.InvalidFileException):
        raise ValidationError(_("The file could not be read as an Excel workbook.")) from None
    numbered = [(line, row) for line, row in enumerate(values, start=1) if any(row)]  # the spreadsheet's own numbers
    if len(numbered) < 2:
        raise ValidationError(_("The file has no rows below its header."))
    if len(numbered) - 1 > MAX_ROWS:
        raise ValidationError(_("At most %(count)d rows can be imported at once.") % {"count": MAX_ROWS})
    names = header_names(kind)
    header = [names.get(_header_key(h), h.strip().lower()) for h in numbered[0][1]]
    return [{**dict(zip(header, row, strict=False)), LINE: line} for line, row in numbered[1:]]


# The city's name in a content language: an example and the names spreadsheets give that column, by language.
NAME_IN = {"en": ("Beihai", ["英文名称", "english name"])}


def _name_translations():
    return [(column("name", language), *NAME_IN.get(language, ("", []))) for language in content_languages()]


# Each kind's columns: the field, an example, and the other names a spreadsheet may give it. The field's own
# labels, in every language of the pages, are recognised too, so the template's Chinese headers read back.
COLUMNS = {
    "cities": [
        ("name", "北海市", ["城市", "城市名称", "名称"]),
        "name translations",
        ("slug", "beihai", ["网址标识", "标识"]),
        ("level", "设区市", ["城市级别", "级别"]),
        ("region", "广西壮族自治区", ["所属地区", "地区", "省区"]),
        ("joined_on", "2008-06-01", ["入会日期", "加入日期"]),
        ("population", "185", ["人口", "常住人口"]),
        ("area", "3337", ["面积"]),
        ("website", "https://www.beihai.gov.cn", ["网站", "网址"]),
    ],
    "officers": [
        ("city", "北海市", ["城市", "城市名称", "所在城市"]),
        ("name", "周文斌", ["姓名"]),
        ("name_latin", "Zhou Wenbin", ["姓名拼音", "拼音", "英文姓名"]),
        ("position", "市人民政府办公室副主任", ["职务"]),
        ("office_phone", "0779-3030303", ["办公电话", "电话"]),
        ("mobile", "13877900000", ["手机", "手机号码"]),
        ("email", "zhou.wenbin@beihai.example.cn", ["邮箱", "电子邮箱", "电子邮件"]),
        ("appointed_on", "2026-03-01", ["任命日期"]),
        ("is_primary", "是", ["主联络员", "是否主联络员"]),
    ],
}
YES = {"1", "true", "yes", "y", "是", "主", "√"}


def columns_of(kind):
    found = []
    for entry in COLUMNS[kind]:
        found.extend(_name_translations() if entry == "name translations" else [entry])
    return found


def _header_key(text):
    return "".join(str(text).lower().split()).replace("*", "").replace("（", "(").split("(")[0]


def header_names(kind):
    """{spreadsheet header: field} for a kind: field names, labels in Chinese and English, and the aliases."""
    from django.utils import translation

    model = {"cities": MemberCity, "officers": LiaisonOfficer}[kind]
    names = {}
    for field, _example, aliases in columns_of(kind):
        labels = []
        if field in {f.name for f in model._meta.fields}:
            for language in interface_languages():
                with translation.override(language):
                    labels.append(str(model._meta.get_field(field).verbose_name))
        for name in (field, *labels, *aliases):
            names.setdefault(_header_key(name), field)
    return names


def template_workbook(kind):
    """An Excel file to fill in: the headers in Chinese, one example row, and a sheet explaining the columns."""
    from django.utils import translation

    model = {"cities": MemberCity, "officers": LiaisonOfficer}[kind]
    book = openpyxl.Workbook()
    sheet = book.active
    with translation.override("zh-hans"):
        sheet.title = str(model._meta.verbose_name_plural)[:31]
        headers = [_header_label(model, field, aliases) for field, _example, aliases in columns_of(kind)]
    sheet.append(headers)
    sheet.append([example for _field, example, _aliases in columns_of(kind)])
    for column_number, header in enumerate(headers, start=1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(column_number)].width = max(12, 2 * len(header) + 4)
    notes = book.create_sheet(_("Columns"))
    notes.append([_("Column"), _("Also accepted"), _("Example")])
    for (field, example, aliases), header in zip(columns_of(kind), headers, strict=True):
        notes.append([header, ", ".join([field, *aliases]), example])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _header_label(model, field, aliases):
    try:
        return str(model._meta.get_field(field).verbose_name)
    except Exception:
        return aliases[0]


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def _decoded(raw):
    """UTF-8 (with or without the mark Excel puts first), else GBK as Excel saves CSV on a Chinese Windows (read as
    GB 18030, which contains it)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def columns(rows, kind):
    """(field, heading) for the preview: each column under the Chinese heading of the template."""
    headings = {field: aliases[0] if aliases else field for field, _example, aliases in columns_of(kind)}
    return [(key, headings.get(key, key)) for key in rows[0] if key != LINE]


class CityRowForm(forms.ModelForm):
    region = forms.CharField()
    website = forms.URLField(required=False, assume_scheme="https")

    class Meta:
        model = MemberCity
        fields = [*translation_columns("name"), "slug", "level", "joined_on", "population", "area", "website"]

    def clean_region(self):
        region = Region.objects.filter(name=self.cleaned_data["region"]).first()
        if region is None:
            raise ValidationError(_("Unknown region “%(name)s”.") % {"name": self.cleaned_data["region"]})
        return region

    def save(self, commit=True):
        self.instance.region = self.cleaned_data["region"]
        return super().save(commit)


class OfficerRowForm(forms.ModelForm):
    city = forms.CharField(max_length=100)  # the city's name (北海市) or its slug (beihai)

    class Meta:
        model = LiaisonOfficer
        fields = ["name", "name_latin", "position", "office_phone", "mobile", "email", "appointed_on", "is_primary"]

    def clean_city(self):
        given = self.cleaned_data["city"]
        city = MemberCity.objects.filter(Q(slug=given) | Q(name=given)).first()
        if city is None:
            raise ValidationError(_("Unknown city “%(slug)s”.") % {"slug": self.cleaned_data["city"]})
        return city

    def clean(self):
        data = super().clean()
        city = data.get("city")
        if city and data.get("is_primary") and city.officers.current().filter(is_primary=True).exists():
            raise ValidationError(_("%(city)s already has a primary liaison officer.") % {"city": city})
        return data

    def save(self, commit=True):
        self.instance.city = self.cleaned_data["city"]
        self.instance.user = services.officer_account_for(
            email=self.cleaned_data["email"], name=self.cleaned_data["name"]
        )
        return super().save(commit)


IMPORTERS = {"cities": CityRowForm, "officers": OfficerRowForm}


def _choice(choices, value):
    """A choice given by its value or its label, in Chinese or English."""
    from django.utils import translation

    for option, label in choices.choices:
        candidates = {option.lower()}
        for language in interface_languages():
            with translation.override(language):
                candidates.add(str(label).lower())
        if value.strip().lower() in candidates:
            return option
    return value


def check_rows(kind, rows):
    """[(row number, form)] for every row, each form validated; duplicates within the file count as errors."""
    form_class = IMPORTERS[kind]
    checked, seen, primaries = [], {}, {}
    key = "slug" if kind == "cities" else "email"
    for row in rows:
        number = row[LINE]
        data = {k: v for k, v in row.items() if v != "" and k != LINE}
        if kind == "officers":
            data["is_primary"] = row.get("is_primary", "").strip().lower() in YES
        if kind == "cities" and data.get("level"):
            data["level"] = _choice(MemberCity.Level, data["level"])
        form = form_class(data)
        form.is_valid()
        value = row.get(key, "").lower()
        if value and value in seen:
            form.add_error(None, _("Same %(key)s as row %(row)d.") % {"key": key, "row": seen[value]})
        seen.setdefault(value, number)
        if kind == "officers" and data["is_primary"]:
            city = row.get("city", "")
            if city in primaries:
                form.add_error(
                    None, _("Row %(row)d already names the primary officer of this city.") % {"row": primaries[city]}
                )
            primaries.setdefault(city, number)
        checked.append((number, form))
    return checked


@transaction.atomic
def import_rows(kind, rows):
    """Save every row, or none: the rows are checked again inside the transaction."""
    checked = check_rows(kind, rows)
    if any(form.errors for _number, form in checked):
        raise ValidationError(_("The file has errors; nothing was imported."))
    for _number, form in checked:
        form.save()
    return len(checked)
