"""The form a person fills in: a field per question of the forms engine, each validated by its kind with a message
at the field. Required questions are checked on submitting, and only where their condition holds (the same
engine as the browser's); answers to questions hidden by their condition are dropped."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from core.media.uploads import validate_image, validate_pdf
from surveys import conditions
from surveys.models import Question

Kind = Question.Kind
OTHER = "__other__"


def validate_answer_file(file):
    """A PDF or an image, checked by its content like every upload."""
    if (file.name or "").lower().endswith(".pdf"):
        validate_pdf(file)
    else:
        validate_image(file)


def cell_name(key: str, row: int, column: int) -> str:
    return f"{key}__r{row}c{column}"


def _choices(question: Question) -> list[tuple[str, str]]:
    """(stored value, label): the Chinese choice is stored, its translation shown where one was written line for
    line."""
    values = question.choice_list
    labels = Question.lines(question.i18n.choices)
    pairs = list(zip(values, labels if len(labels) == len(values) else values, strict=True))
    if question.allow_other:
        pairs.append((OTHER, str(_("Other"))))
    return pairs


class AnswerForm(forms.Form):
    def __init__(self, questions: list[Question], *args: Any, answers: dict[str, Any] | None = None, **kwargs: Any):
        self.questions = questions
        answers = answers or {}
        super().__init__(*args, **kwargs)
        for question in questions:
            label, value = question.i18n.text, answers.get(question.key)
            common = {"label": label, "required": False, "help_text": question.i18n.help_text}
            key = question.key
            if question.kind == Kind.SINGLE:
                self.fields[key] = forms.ChoiceField(choices=_choices(question), widget=forms.RadioSelect, **common)
                self._other(question, value, single=True)
            elif question.kind == Kind.MULTIPLE:
                self.fields[key] = forms.MultipleChoiceField(
                    choices=_choices(question), widget=forms.CheckboxSelectMultiple, **common
                )
                self._other(question, value, single=False)
            elif question.kind == Kind.SHORT_TEXT:
                self.fields[key] = forms.CharField(max_length=300, **common)
            elif question.kind == Kind.LONG_TEXT:
                self.fields[key] = forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 5}), **common)
            elif question.kind == Kind.NUMBER:
                self.fields[key] = forms.DecimalField(
                    max_digits=16,
                    decimal_places=4,
                    min_value=question.min_value,
                    max_value=question.max_value,
                    widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
                    **common,
                )
            elif question.kind == Kind.DATE:
                self.fields[key] = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
            elif question.kind == Kind.FILE:
                self.fields[key] = forms.FileField(
                    validators=[validate_answer_file],
                    widget=forms.ClearableFileInput(
                        attrs={"accept": "application/pdf,image/jpeg,image/png,image/webp"}
                    ),
                    **common,
                )
            elif question.kind == Kind.TABLE:
                for row, _row_label in enumerate(question.row_list):
                    for column, _column_label in enumerate(question.column_list):
                        self.fields[cell_name(key, row, column)] = forms.CharField(max_length=100, required=False)
            if question.kind not in (Kind.TABLE, Kind.SINGLE, Kind.MULTIPLE, Kind.FILE) and value is not None:
                self.initial[key] = value
            if question.kind == Kind.TABLE and isinstance(value, dict):
                for row, row_label in enumerate(question.row_list):
                    for column, column_label in enumerate(question.column_list):
                        self.initial[cell_name(key, row, column)] = value.get(row_label, {}).get(column_label, "")

    def _other(self, question: Question, value: Any, *, single: bool) -> None:
        choices = set(question.choice_list)
        given = [value] if single and value else list(value or [])
        others = [item for item in given if item not in choices]
        self.initial[question.key] = ([OTHER] if others else []) + [item for item in given if item in choices]
        if single:
            self.initial[question.key] = self.initial[question.key][0] if self.initial[question.key] else None
        if question.allow_other:
            self.fields[f"{question.key}{OTHER}"] = forms.CharField(
                label=_("Other: please say"), max_length=200, required=False
            )
            self.initial[f"{question.key}{OTHER}"] = others[0] if others else ""

    def answers(self) -> dict[str, Any]:
        """The cleaned answers as the engine and the store read them: texts, lists, numbers and dates as text,
        tables as {row: {column: text}}; empty answers left out."""
        found: dict[str, Any] = {}
        for question in self.questions:
            value = self._value(question)
            if value not in (None, "", [], {}):
                found[question.key] = value
        return found

    def _value(self, question: Question) -> Any:
        data, key = self.cleaned_data, question.key
        if question.kind == Kind.TABLE:
            table = {}
            for row, row_label in enumerate(question.row_list):
                cells = {
                    column_label: data.get(cell_name(key, row, column), "").strip()
                    for column, column_label in enumerate(question.column_list)
                }
                if any(cells.values()):
                    table[row_label] = cells
            return table
        value = data.get(key)
        other = (data.get(f"{key}{OTHER}") or "").strip()
        if question.kind == Kind.SINGLE:
            return other if value == OTHER else value
        if question.kind == Kind.MULTIPLE:
            return [item for item in value or [] if item != OTHER] + (
                [other] if OTHER in (value or []) and other else []
            )
        if question.kind == Kind.NUMBER:
            return format(value.normalize(), "f") if isinstance(value, Decimal) else None
        if question.kind == Kind.DATE:
            return value.isoformat() if value else None
        if question.kind == Kind.FILE:
            return value.name if value else None
        return (value or "").strip()

    def shown(self, answers: dict[str, Any]) -> list[Question]:
        return [question for question in self.questions if conditions.holds(question.condition, answers)]

    def check_required(self, answers: dict[str, Any], files_kept: set[str]) -> bool:
        """On submitting: every required question that is shown has an answer (a file kept from before counts)."""
        for question in self.shown(answers):
            if question.required and question.key not in answers and question.key not in files_kept:
                field = question.key if question.key in self.fields else cell_name(question.key, 0, 0)
                self.add_error(field, _("This question needs an answer."))
        return not self.errors
