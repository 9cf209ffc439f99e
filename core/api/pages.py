"""Cursor pages for the API's lists: ninja's, with a page size that must be 1 to 100 (not quietly replaced)."""

from ninja import Field, Schema
from ninja.pagination import CursorPagination

from core.api.schemas import Problem

PAGE = {"page_size": 20, "max_page_size": 100}
NOT_FOUND = {404: Problem}


class Cursor(CursorPagination):
    class Input(Schema):
        page_size: int | None = Field(None, ge=1, le=100)
        cursor: str | None = None
