"""Keeping the search index in step with the content: one entry per findable item."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from django.apps import apps
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import override

from core.i18n.translation import column
from core.search import registry
from core.search.models import SearchEntry
from core.search.segment import positioned_words

if TYPE_CHECKING:
    from django.db.models import Model

_T = TypeVar("_T")

TITLE_LENGTH = SearchEntry._meta.get_field("title").max_length
# Gap between the weighted parts, so that a phrase never matches across title and summary.
PART_GAP = 100


def lexeme(word: str) -> str:
    """A word quoted for a tsvector or tsquery literal."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(weighted: Iterable[tuple[str, str]]) -> str:
    """A PostgreSQL tsvector in its text form: 'word':3A,7C ... from (weight, text) parts."""
    positions: dict[str, list[str]] = {}
    start = 1
    for weight, text in weighted:
        last = start
        for position, word in positioned_words(text, start=start):
            positions.setdefault(word, []).append(f"{position}{weight}")
            last = position
        start = last + PART_GAP
    return " ".join(f"{lexeme(word)}:{','.join(dict.fromkeys(marks))}" for word, marks in positions.items())


def plain_words(weighted: Iterable[tuple[str, str]]) -> str:
    """The words for SQLite's simpler search: each once, spaces around every one."""
    found = dict.fromkeys(word for _, text in weighted for _, word in positioned_words(text))
    return f" {' '.join(found)} " if found else ""


def words_for(weighted: Iterable[tuple[str, str]]) -> str:
    return tsvector_literal(weighted) if connection.vendor == "postgresql" else plain_words(weighted)


def entry_for(obj: Model) -> SearchEntry | None:
    """The unsaved SearchEntry for obj, or None when no one may find it."""
    kind = registry.for_model(type(obj))
    with override("zh-hans"):
        item = kind.item(obj)
    if item is None:
        return None
    translations = {}
    for language, (title, text) in item.translations.items():
        title_column = column("title", language)
        translations[title_column] = title[: SearchEntry._meta.get_field(title_column).max_length]  # type: ignore[union-attr]
        translations[column("text", language)] = text
    return SearchEntry(
        kind=kind.name,
        object_id=obj.pk,
        key=item.key,
        title=item.title[:TITLE_LENGTH],
        text=item.text,
        **translations,
        category_id=item.category_id,
        section_id=item.section_id,
        date=item.date,
        visible_from=item.visible_from,
        members_only=item.members_only,
        words=words_for(item.weighted),
    )


def update(obj: Model) -> None:
    """Index obj as it is now: add, refresh, or remove it if it may no longer be found."""
    entry = entry_for(obj)
    if entry is None:
        remove(type(obj), obj.pk)
        return
    values = {
        field.name: getattr(entry, field.name)
        for field in SearchEntry._meta.concrete_fields
        if field.name not in ("id", "kind", "object_id")
    }
    SearchEntry.objects.update_or_create(kind=entry.kind, object_id=entry.object_id, defaults=values)


def remove(model: type[Model], pk: int) -> None:
    SearchEntry.objects.filter(kind=registry.for_model(model).name, object_id=pk).delete()


# Raise when what an entry holds changes (segmentation, weights, fields): `rebuild_search_index --if-changed`, which
# `make upgrade` runs, then rebuilds the index once. The registered kinds are part of the format too.
FORMAT_VERSION = 2
FORMAT_RECORD = "search-index"


def index_format() -> str:
    return f"{FORMAT_VERSION}: " + ", ".join(sorted(kind.name for kind in registry.kinds()))


def built_format() -> str | None:
    """The format the index was last rebuilt in, or None when no rebuild was recorded."""
    PeriodicRun = apps.get_model("core", "PeriodicRun")

    return PeriodicRun.objects.filter(name=FORMAT_RECORD).values_list("summary", flat=True).first()


def rebuild(batch_size: int = 500) -> dict[str, int]:
    """Index everything again from scratch; returns the number of entries per kind."""
    counts: dict[str, int] = {}
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        for kind in registry.kinds():
            counts[kind.name] = 0
            for chunk in _chunks(kind.queryset().iterator(chunk_size=batch_size), batch_size):
                entries = [entry for entry in map(entry_for, chunk) if entry]
                SearchEntry.objects.bulk_create(entries)
                counts[kind.name] += len(entries)
        _record_format()
    return counts


def _record_format() -> None:
    PeriodicRun = apps.get_model("core", "PeriodicRun")

    PeriodicRun.objects.update_or_create(
        name=FORMAT_RECORD, defaults={"finished_at": timezone.now(), "duration": 0.0, "summary": index_format()[:300]}
    )


def _chunks(iterable: Iterable[_T], size: int) -> Iterator[list[_T]]:
    chunk: list[_T] = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
