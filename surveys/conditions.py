"""The one condition engine of the forms (questionnaires and nomination calls): whether a question is shown, given
the answers before it. The browser runs the same rules (static/js/conditions.js); tests/surveys/test_conditions.py
runs every case of tests/surveys/condition_cases.json through both.

A condition is {} (always), {"all": [...]} or {"any": [...]}, whose items are rules or conditions. A rule names an
earlier question by its key and one test:

    {"question": "q1", "is": "是"}              the answer is this (a choice, a text, a number)
    {"question": "q1", "is_not": "否"}
    {"question": "q2", "includes": "旧改"}      a multiple-choice answer includes this choice
    {"question": "q3", "answered": true}        answered at all (false: left empty)
    {"question": "q4", "between": [10, 50]}     a number or a date (YYYY-MM-DD) within, both ends included
    {"question": "q4", "at_least": 10}          (and "at_most")

An unanswered question satisfies no test but {"answered": false} and "is_not".
"""

from __future__ import annotations

import datetime
import math
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

TESTS = ("is", "is_not", "includes", "answered", "between", "at_least", "at_most")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def check(condition: Any) -> None:
    """ValueError, saying what is wrong, for a condition the engine cannot read."""
    if condition in (None, {}):
        return
    if not isinstance(condition, dict):
        raise ValueError(_("A condition is an object with “all” or “any”."))
    groups = [name for name in ("all", "any") if name in condition]
    if len(groups) != 1 or len(condition) != 1 or not isinstance(condition[groups[0]], list):
        raise ValueError(_("A condition is an object with “all” or “any”."))
    for item in condition[groups[0]]:
        if isinstance(item, dict) and ("all" in item or "any" in item):
            check(item)
            continue
        if not isinstance(item, dict) or not isinstance(item.get("question"), str):
            raise ValueError(_("Each rule names a question by its key."))
        tests = [name for name in TESTS if name in item]
        if len(tests) != 1 or len(item) != 2:
            raise ValueError(_("Each rule has one test: is, is_not, includes, answered, between, at_least or at_most."))
        if tests[0] == "between" and not (isinstance(item["between"], list) and len(item["between"]) == 2):
            raise ValueError(_("“between” takes two values: [from, to]."))
        if tests[0] == "answered" and not isinstance(item["answered"], bool):
            raise ValueError(_("“answered” takes true or false."))
        values = item["between"] if tests[0] == "between" else [item[tests[0]]]
        if tests[0] != "answered" and not all(_plain(value) for value in values):
            raise ValueError(_("A rule compares with a text, a number or a date."))


def _plain(value: Any) -> bool:
    return isinstance(value, str) or (isinstance(value, (int, float)) and not isinstance(value, bool))


def questions_named(condition: Any) -> set[str]:
    """The keys of the questions a condition reads."""
    if not condition:
        return set()
    names: set[str] = set()
    for item in condition.get("all", condition.get("any", [])):
        names |= questions_named(item) if ("all" in item or "any" in item) else {item["question"]}
    return names


def _empty(answer: Any) -> bool:
    if answer is None:
        return True
    if isinstance(answer, (str, list, dict)):
        return not answer or (isinstance(answer, dict) and not any(str(v).strip() for v in _cells(answer)))
    return False


def _cells(table: dict[str, Any]) -> list[Any]:
    return [value for row in table.values() for value in (row.values() if isinstance(row, dict) else [row])]


def _comparable(value: Any) -> Decimal | datetime.date | None:
    """A number or a date to compare, from a number or a text written as one (-12.5, 2026-03-01); else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return Decimal(str(value)) if math.isfinite(value) else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if ISO_DATE.match(text):
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            return None
    if NUMBER.match(text):
        try:
            return Decimal(text)
        except InvalidOperation:
            return None
    return None


def _same(answer: Any, value: Any) -> bool:
    if isinstance(answer, list):  # a multiple choice "is" one choice when it is that choice alone
        return len(answer) == 1 and _same(answer[0], value)
    if isinstance(answer, dict):
        return False
    left, right = _comparable(answer), _comparable(value)
    if left is not None and right is not None and type(left) is type(right):
        return left == right
    return str(answer) == str(value)


def _order(answer: Any, low: Any, high: Any) -> bool:
    value = _comparable(answer)
    if value is None:
        return False
    for bound, keep in ((low, lambda v, b: v >= b), (high, lambda v, b: v <= b)):
        if bound is None:
            continue
        limit = _comparable(bound)
        if limit is None or type(limit) is not type(value) or not keep(value, limit):
            return False
    return True


def _rule(rule: dict[str, Any], answers: dict[str, Any]) -> bool:
    answer = answers.get(rule["question"])
    if "answered" in rule:
        return _empty(answer) != bool(rule["answered"])
    if "is_not" in rule:
        return _empty(answer) or not _same(answer, rule["is_not"])
    if _empty(answer):
        return False
    if "is" in rule:
        return _same(answer, rule["is"])
    if "includes" in rule:
        return rule["includes"] in answer if isinstance(answer, list) else _same(answer, rule["includes"])
    if "between" in rule:
        return _order(answer, *rule["between"])
    if "at_least" in rule:
        return _order(answer, rule["at_least"], None)
    return _order(answer, None, rule["at_most"])


def holds(condition: Any, answers: dict[str, Any]) -> bool:
    """Whether a question with this condition is shown, given the answers (key -> value) so far."""
    if not condition:
        return True
    if "all" in condition:
        return all(holds(item, answers) if _is_group(item) else _rule(item, answers) for item in condition["all"])
    return any(holds(item, answers) if _is_group(item) else _rule(item, answers) for item in condition["any"])


def _is_group(item: dict[str, Any]) -> bool:
    return "all" in item or "any" in item
