"""What a searchable object puts in the index: its title, weighted texts (A title, B summary, C body) and the
facts the search filters on. Each app's `search.py` builds these for its own models."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.utils import timezone
from django.utils.html import strip_tags

from core.i18n.translation import content_languages, translations_of, value_in

SNIPPET_SOURCE_LENGTH = 3000


@dataclass
class Item:
    key: str
    title: str
    text: str = ""
    # The title and snippet text in each content language that has them: {"en": ("Beihai", "...")}.
    translations: dict[str, tuple[str, str]] = field(default_factory=dict)
    category_id: int | None = None
    section_id: int | None = None  # the part of the site it belongs to (registry.Sections), if any
    date: datetime | None = None
    visible_from: datetime | None = None
    members_only: bool = False
    weighted: list[tuple[str, str]] = field(default_factory=list)  # (weight, text): ("A", title)

    def __post_init__(self) -> None:
        self.text = self.text[:SNIPPET_SOURCE_LENGTH]
        self.translations = {
            language: (title, text[:SNIPPET_SOURCE_LENGTH]) for language, (title, text) in self.translations.items()
        }


def plain(markup: str) -> str:
    """Rich text as a reader sees it: no tags, entities decoded (&amp; is &)."""
    return html.unescape(strip_tags(markup))


def join(*parts: str | None) -> str:
    return "\n".join(part for part in parts if part)


def translated(obj: object, title_field: str, text_field: str) -> dict[str, tuple[str, str]]:
    """Item.translations for an object whose title and snippet text are two of its translated fields."""
    return {
        language: (value_in(obj, title_field, language), value_in(obj, text_field, language))
        for language in content_languages()
    }


def in_every_language(obj: object, field: str, clean: Callable[[str], str] = str) -> str:
    """The field's Chinese and all its translations, one after the other: what the index weighs."""
    return join(*(clean(text) for text in (getattr(obj, field), *translations_of(obj, field))))


def midnight(day: date | None) -> datetime | None:
    return timezone.make_aware(datetime.combine(day, time.min)) if day else None
