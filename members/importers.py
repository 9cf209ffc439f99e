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
from django.utils.translation import gettext as _

from members import services
from members.models import LiaisonOfficer, MemberCity, Region

MAX_ROWS = 2000
LINE = "__line__"  # the row's line number in the file, carried with its values


def read_rows(upload):
    """The rows of a CSV (UTF-8) or XLSX file as dicts keyed by the first row."""
    name = upload.name.lower()
    try:
        if name.endswith(".xlsx"):
            sheet = openpyxl.load_workbook(upload, read_only=True, data_only=True).active
            values = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        elif name.endswith(".csv"):
            text = upload.read().decode("utf-8-sig")
            values = [[v.strip() for v in row] for row in csv.reader(io.StringIO(text))]
        else:
            raise ValidationError(_("Upload a .csv or .xlsx file."))
    except (UnicodeDecodeError, csv.Error):
        raise ValidationError(_("The file could not be read: save it as UTF-8 CSV or as .xlsx.")) from None
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, openpyxl.utils.exceptions.InvalidFileException):
        raise ValidationError(_("The file could not be read as an Excel workbook.")) from None
    numbered = [(line, row) for line, row in enumerate(values, start=1) if any(row)]  # the spreadsheet's own numbers
    if len(numbered) < 2:
        raise ValidationError(_("The file has no rows below its header."))
    if len(numbered) - 1 > MAX_ROWS:
        raise ValidationError(_("At most %(count)d rows can be imported at once.") % {"count": MAX_ROWS})
    header = [h.strip().lower() for h in numbered[0][1]]
    return [{**dict(zip(header, row)), LINE: line} for line, row in numbered[1:]]


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def columns(rows):
    return [key for key in rows[0] if key != LINE]


class CityRowForm(forms.ModelForm):
    region = forms.CharField()
    website = forms.URLField(required=False, assume_scheme="https")

    class Meta:
        model = MemberCity
        fields = ["name", "name_en", "slug", "level", "joined_on", "population", "area", "website"]

    def clean_region(self):
        region = Region.objects.filter(name=self.cleaned_data["region"]).first()
        if region is None:
            raise ValidationError(_("Unknown region “%(name)s”.") % {"name": self.cleaned_data["region"]})
        return region

    def save(self, commit=True):
        self.instance.region = self.cleaned_data["region"]
        return super().save(commit)


class OfficerRowForm(forms.ModelForm):
    city = forms.SlugField()

    class Meta:
        model = LiaisonOfficer
        fields = ["name", "position", "office_phone", "mobile", "email", "appointed_on", "is_primary"]

    def clean_city(self):
        city = MemberCity.objects.filter(slug=self.cleaned_data["city"]).first()
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
        self.instance.user = services.officer_account_for(email=self.cleaned_data["email"], name=self.cleaned_data["name"])
        return super().save(commit)


IMPORTERS = {"cities": CityRowForm, "officers": OfficerRowForm}


def check_rows(kind, rows):
    """[(row number, form)] for every row, each form validated; duplicates within the file count as errors."""
    form_class = IMPORTERS[kind]
    checked, seen, primaries = [], {}, {}
    key = "slug" if kind == "cities" else "email"
    for row in rows:
        number = row[LINE]
        data = {k: v for k, v in row.items() if v != "" and k != LINE}
        if kind == "officers":
            data["is_primary"] = row.get("is_primary", "").lower() in {"1", "true", "yes", "是", "主"}
        form = form_class(data)
        form.is_valid()
        value = row.get(key, "").lower()
        if value and value in seen:
            form.add_error(None, _("Same %(key)s as row %(row)d.") % {"key": key, "row": seen[value]})
        seen.setdefault(value, number)
        if kind == "officers" and data["is_primary"]:
            city = row.get("city", "")
            if city in primaries:
                form.add_error(None, _("Row %(row)d already names the primary officer of this city.") % {"row": primaries[city]})
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
