"""The questionnaire's responses as a spreadsheet (one row per respondent, Chinese headers, a column per question
and per table cell) and its uploaded files as a zip named by city. Both are logged. The workbook is written
row by row (openpyxl's write-only mode), so memory does not grow with the responses."""

from __future__ import annotations

import io
import os
import zipfile
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from core.models import ExportLog
from core.spreadsheets import FORMULA_START
from surveys.models import AnswerFile, Question, Questionnaire, Response

Kind = Question.Kind


def _columns(questions: list[Question]) -> list[tuple[str, Question, tuple[str, str] | None]]:
    columns = []
    for question in questions:
        if question.kind == Kind.TABLE:
            for row in question.row_list:
                for column in question.column_list:
                    columns.append((f"{question.text} · {row} · {column}", question, (row, column)))
        else:
            columns.append((question.text, question, None))
    return columns


def _value(answer: Any, cell: tuple[str, str] | None) -> Any:
    if answer is None:
        return None
    if cell is not None:
        return ((answer or {}).get(cell[0]) or {}).get(cell[1]) if isinstance(answer, dict) else None
    if isinstance(answer, list):
        return "；".join(str(item) for item in answer)
    return answer


def _text_cell(sheet: Any, value: Any) -> Any:
    """A cell that a spreadsheet program shows as typed, never runs as a formula."""
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type = "s"
    return cell


def responses_xlsx(questionnaire: Questionnaire, *, by: Any) -> bytes:
    questions = list(questionnaire.form.questions_in_order())
    columns = _columns(questions)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Responses")[:31])
    sheet.append([_("City"), _("Region"), _("State"), _("Submitted at"), *(title for title, _q, _c in columns)])
    responses = (
        Response.objects.filter(questionnaire=questionnaire)
        .select_related("city", "city__region")
        .order_by("city__region__name", "city__name", "pk")
    )
    rows = 0
    for response in responses.iterator(chunk_size=500):
        who = response.city.name if response.city_id else response.label
        region = response.city.region.name if response.city_id else ""
        submitted = (
            timezone.localtime(response.submitted_at).strftime("%Y-%m-%d %H:%M") if response.submitted_at else ""
        )
        values = [_value(response.answers.get(question.key), cell) for _t, question, cell in columns]
        sheet.append([_text_cell(sheet, v) for v in (who, region, response.get_state_display(), submitted, *values)])
        rows += 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    ExportLog.objects.create(user=by, what=_("Responses to %(title)s") % {"title": questionnaire.title}, row_count=rows)
    return buffer.getvalue()


def files_zip(questionnaire: Questionnaire, *, by: Any) -> bytes:
    """The files given in answers, each named 城市-问题标识.扩展名 (a number added where two share a name)."""
    buffer = io.BytesIO()
    used: set[str] = set()
    count = 0
    files = AnswerFile.objects.filter(response__questionnaire=questionnaire).select_related("response__city")
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for stored in files.order_by("response__city__name", "question_key", "pk"):
            who = (
                stored.response.city.name
                if stored.response.city_id
                else (stored.response.label or str(stored.response_id))
            )
            base = f"{who}-{stored.question_key}"
            extension = os.path.splitext(stored.name)[1].lower()
            name, number = f"{base}{extension}", 2
            while name in used:
                name, number = f"{base}-{number}{extension}", number + 1
            used.add(name)
            with stored.file.open("rb") as source:
                archive.writestr(name, source.read())
            count += 1
    ExportLog.objects.create(
        user=by, what=_("Files given to %(title)s") % {"title": questionnaire.title}, row_count=count
    )
    return buffer.getvalue()
