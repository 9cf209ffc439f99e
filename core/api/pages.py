"""Cursor pages for the API's lists: ninja's, with a page size that must be 1 to 100 (not quietly replaced), and a
cursor whose position must be a value of the field the list is ordered by (a crafted one is a 400, not a 500)."""

import pydantic
from django.core.exceptions import ValidationError as FieldValueError
from django.db.models import QuerySet
from ninja import Field, Schema
from ninja.errors import ValidationError
from ninja.pagination import CursorPagination

from core.api.schemas import Problem

PAGE = {"page_size": 20, "max_page_size": 100}
NOT_FOUND = {404: Problem}


class Cursor(CursorPagination):
    class Input(Schema):
        page_size: int | None = Field(None, ge=1, le=100)
        cursor: str | None = None

    class Cursor(CursorPagination.Cursor):
        @classmethod
        def from_encoded_param(cls, encoded_param: str | None, context: object = None) -> CursorPagination.Cursor:
            try:
                return super().from_encoded_param(encoded_param, context)
            except pydantic.ValidationError as error:  # e.g. a negative offset
                raise _invalid_cursor() from error

    def _find_position(self, queryset: QuerySet, cursor: CursorPagination.Cursor) -> QuerySet:
        if cursor.p is not None:
            field = queryset.model._meta.get_field(self._order_attribute)
            try:
                field.to_python(cursor.p)
            except FieldValueError as error:
                raise _invalid_cursor() from error
        return super()._find_position(queryset, cursor)


def _invalid_cursor() -> ValidationError:
    return ValidationError([{"loc": ["query", "cursor"], "msg": "Invalid cursor"}])
