"""Writing what people typed into spreadsheets as text, never as formulas (CSV/formula injection)."""

from collections.abc import Iterable
from typing import Any, TypeVar

T = TypeVar("T")

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def append_as_text(sheet: Any, values: Iterable[object]) -> None:
    """sheet.append(values), with every string that looks like a formula kept as a plain string."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
            cell.data_type = "s"


def csv_cell(value: T) -> T | str:
    """A CSV value that spreadsheet programs will not run: a leading formula character is quoted."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
