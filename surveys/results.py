"""What a questionnaire's responses add up to, question by question, for the results page and its charts: counts of
each choice, the spread of numbers, the texts by city, sums of table cells. One pass over the submitted answers;
every figure a chart draws is also in the table beside it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from surveys.models import Question, Questionnaire, Response

Kind = Question.Kind


@dataclass
class QuestionResult:
    question: Question
    answered: int = 0
    counts: list[tuple[str, int]] = field(default_factory=list)  # choices, in their order, then "other" answers
    numbers: dict[str, Any] = field(default_factory=dict)  # count, min, max, median, sum, and buckets for a chart
    texts: list[tuple[str, str]] = field(default_factory=list)  # (who, text)
    table: list[tuple[str, list[str]]] = field(default_factory=list)  # row -> the column sums, written out

    def chart(self) -> dict[str, Any] | None:
        """The data a chart draws (static/js/survey-charts.js), or None for questions shown as a table only."""
        if self.counts:
            return {
                "type": "bar",
                "labels": [label for label, _n in self.counts],
                "values": [n for _l, n in self.counts],
            }
        if self.numbers.get("buckets"):
            buckets = self.numbers["buckets"]
            return {"type": "bar", "labels": [label for label, _n in buckets], "values": [n for _l, n in buckets]}
        return None


def _who(response: Response) -> str:
    return response.city.name if response.city_id else (response.label or f"#{response.pk}")


def _number(value: Any) -> Decimal | None:
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _buckets(values: list[Decimal], count: int = 5) -> list[tuple[str, int]]:
    low, high = min(values), max(values)
    if low == high:
        return [(f"{low.normalize():f}", len(values))]
    width = (high - low) / count
    found = Counter(min(int((value - low) / width), count - 1) for value in values)
    labels = [
        f"{written((low + width * i).quantize(Decimal(1)))}–{written((low + width * (i + 1)).quantize(Decimal(1)))}"
        for i in range(count)
    ]
    return [(labels[i], found.get(i, 0)) for i in range(count)]


def written(value: Decimal | None) -> str:
    """A figure as people write it: no trailing zeros, no exponent; "—" for none."""
    return "—" if value is None else format(value.normalize(), "f")


def _median(values: list[Decimal]) -> Decimal:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def results(questionnaire: Questionnaire) -> tuple[list[QuestionResult], int]:
    """Each question's result, and the number of submitted responses they are drawn from (two queries)."""
    questions = list(questionnaire.form.questions_in_order())
    submitted = list(
        Response.objects.filter(questionnaire=questionnaire, state=Response.State.SUBMITTED)
        .select_related("city")
        .only("answers", "label", "city__name")
        .order_by("city__name", "pk")
    )
    found = []
    for question in questions:
        result = QuestionResult(question=question)
        given = [
            (_who(response), response.answers[question.key])
            for response in submitted
            if question.key in response.answers
        ]
        result.answered = len(given)
        if question.kind in (Kind.SINGLE, Kind.MULTIPLE):
            counter: Counter[str] = Counter()
            for _who_name, value in given:
                counter.update(value if isinstance(value, list) else [value])
            choices = question.choice_list
            result.counts = [(choice, counter.pop(choice, 0)) for choice in choices] + sorted(counter.items())
        elif question.kind == Kind.NUMBER:
            values = [number for _w, value in given if (number := _number(value)) is not None]
            if values:
                result.numbers = {
                    "count": len(values),
                    "min": written(min(values)),
                    "max": written(max(values)),
                    "median": written(_median(values)),
                    "sum": written(sum(values, Decimal(0))),
                    "buckets": _buckets(values),
                }
        elif question.kind == Kind.TABLE:
            rows, columns = question.row_list, question.column_list
            sums: dict[tuple[str, str], Decimal] = {}
            for _w, value in given:
                for row in rows:
                    for column in columns:
                        number = _number((value.get(row) or {}).get(column, "")) if isinstance(value, dict) else None
                        if number is not None:
                            sums[(row, column)] = sums.get((row, column), Decimal(0)) + number
            result.table = [(row, [written(sums.get((row, column))) for column in columns]) for row in rows]
        else:
            result.texts = [(who, str(value)) for who, value in given]
        found.append(result)
    return found, len(submitted)


def follow_up(questionnaire: Questionnaire) -> list[tuple[Any, str]]:
    """Each city of the audience with its state: not opened, draft or submitted (two queries)."""
    from surveys.services import audience

    states = dict(
        Response.objects.filter(questionnaire=questionnaire, city__isnull=False).values_list("city_id", "state")
    )
    return [
        (city, states.get(city.pk, ""))
        for city in audience(questionnaire).select_related("region").order_by("region", "name")
    ]
