"""What a searchable object puts in the index: its title, weighted texts (A title, B summary, C body) and the
facts the search filters on. Each app's `search.py` builds these for its own models."""

import html
from dataclasses import dataclass, field
from datetime import datetime, time

from django.utils import timezone
from django.utils.html import strip_tags


SNIPPET_SOURCE_LENGTH = 3000


@dataclass
class Item:
    kind: str
    key: str
    title: str
    title_en: str = ""
    text: str = ""
    text_en: str = ""
    category_id: int | None = None
    date: datetime | None = None
    visible_from: datetime | None = None
    members_only: bool = False
    weighted: list = field(default_factory=list)

    def __post_init__(self):
        self.text = self.text[:SNIPPET_SOURCE_LENGTH]
        self.text_en = self.text_en[:SNIPPET_SOURCE_LENGTH]


def plain(markup):
    """Rich text as a reader sees it: no tags, entities decoded (&amp; is &)."""
    return html.unescape(strip_tags(markup))


def join(*parts):
    return "\n".join(part for part in parts if part)


def midnight(day):
    return timezone.make_aware(datetime.combine(day, time.min)) if day else None
