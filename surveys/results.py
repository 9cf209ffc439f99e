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


TEXTS_SHOWN = 50  # a text question's first answers on the page; all of them are in the XLSX


def results(questionnaire: Questionnaire) -> tuple[list[QuestionResult], int]:
    """Each question's result, and the number of submitted responses they are drawn from: the answers are read once,
    in chunks, and only what each result keeps stays in memory (counts, sums, the numbers for their median, the
    first texts)."""
    questions = list(questionnaire.form.questions_in_order())
    found = {question.key: QuestionResult(question=question) for question in questions}
    numbers: dict[str, list[Decimal]] = {question.key: [] for question in questions if question.kind == Kind.NUMBER}
    counters: dict[str, Counter[str]] = {
        question.key: Counter() for question in questions if question.kind in (Kind.SINGLE, Kind.MULTIPLE)
    }
    sums: dict[str, dict[tuple[str, str], Decimal]] = {q.key: {} for q in questions if q.kind == Kind.TABLE}
    submitted = (
        Response.objects.filter(questionnaire=questionnaire, state=Response.State.SUBMITTED)
        .select_related("city")
        .only("answers", "label", "city__name")
        .order_by("city__name", "pk")
    )
    count = 0
    for response in submitted.iterator(chunk_size=500):
        count += 1
        for question in questions:
            key = question.key
            if key not in response.answers:
                continue
            value, result = response.answers[key], found[key]
            result.answered += 1
            if key in counters:
                counters[key].update(value if isinstance(value, list) else [value])
            elif key in numbers:
                if (number := _number(value)) is not None:
                    numbers[key].append(number)
            elif key in sums:
                _add_table(sums[key], question, value)
            elif len(result.texts) < TEXTS_SHOWN:
                result.texts.append((_who(response), str(value)))
    for question in questions:
        result, key = found[question.key], question.key
        if key in counters:
            counter = counters[key]
            result.counts = [(choice, counter.pop(choice, 0)) for choice in question.choice_list] + sorted(
                counter.items()
            )
        elif numbers.get(key):
            values = numbers[key]
            result.numbers = {
                "count": len(values),
                "min": written(min(values)),
                "max": written(max(values)),
                "median": written(_median(values)),
                "sum": written(sum(values, Decimal(0))),
                "buckets": _buckets(values),
            }
        elif key in sums:
            result.table = [
                (row, [written(sums[key].get((row, column))) for column in question.column_list])
                for row in question.row_list
            ]
    return list(found.values()), count


def _add_table(sums: dict[tuple[str, str], Decimal], question: Question, value: Any) -> None:
    if not isinstance(value, dict):
        return
    for row in question.row_list:
        for column in question.column_list:
            number = _number((value.get(row) or {}).get(column, ""))
            if number is not None:
                sums[(row, column)] = sums.get((row, column), Decimal(0)) + number


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
