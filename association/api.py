"""Public documents in the read-only API (/api/v1/documents/): charter, regulations, reports."""

import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from association.models import Document
from core.api.pages import PAGE, Cursor
from core.api.schemas import FileLink, absolute, in_reader_language, in_section
from core.i18n.translation import localized


class DocumentOut(Schema):
    id: int
    title: str
    kind: str
    kind_name: str
    issued_on: datetime.date
    description: str
    file: FileLink

    resolve_title = in_reader_language("title")

    @staticmethod
    def resolve_kind_name(obj: Any) -> str:
        return str(obj.get_kind_display())

    resolve_description = in_reader_language("description")

    @staticmethod
    def resolve_file(obj: Any, context: Any) -> dict[str, Any]:
        return {
            "title": localized(obj, "title"),
            "url": absolute(context, obj.get_download_url()),
            "size": obj.file_size,
            "type": obj.extension,
        }


documents = Router(tags=["documents"])


class DocumentFilters(Schema):
    branch: str | None = None


@documents.get("/", response=list[DocumentOut], summary="Public documents: charter, regulations, reports")
@paginate(Cursor, ordering=("-issued_on", "-id"), **PAGE)
def document_list(request: HttpRequest, filters: Query[DocumentFilters]) -> Any:
    return in_section(Document.objects.public(), filters.branch)
