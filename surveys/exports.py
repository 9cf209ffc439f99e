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


def scores_xlsx(call: Any, *, by: Any) -> bytes:
    """Each juror's scores for each nomination, criterion by criterion, and the ranking's totals."""
    from surveys.models import Score
    from surveys.nominations import ranking

    criteria = list(call.criteria.all())
    workbook = Workbook(write_only=True)
    totals = workbook.create_sheet(_("Ranking")[:31])
    totals.append([_("City"), _("Nominee"), *(criterion.name for criterion in criteria), _("Total"), _("Jurors")])
    ranked = ranking(call)
    for row in ranked:
        nomination = row.nomination
        means = [float(mean) if mean is not None else None for mean in row.means]
        totals.append([nomination.response.city.name, nomination.nominee_name, *means, float(row.total), row.jurors])
    scores = workbook.create_sheet(_("Scores")[:31])
    scores.append([_("Juror"), _("City"), _("Nominee"), _("Criterion"), _("Score")])
    found = Score.objects.filter(nomination__call=call).select_related(
        "juror__user", "nomination__officer", "nomination__response__city", "criterion"
    )
    count = 0
    for score in found.order_by("juror_id", "nomination__response__city__name", "criterion__order"):
        juror = score.juror.user.get_full_name() or score.juror.user.get_username()
        nomination = score.nomination
        scores.append(
            [
                _text_cell(scores, juror),
                nomination.response.city.name,
                nomination.nominee_name,
                score.criterion.name,
                score.value,
            ]
        )
        count += 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    ExportLog.objects.create(user=by, what=_("Jury scores of %(call)s") % {"call": call}, row_count=count)
    return buffer.getvalue()
