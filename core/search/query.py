"""Reading a reader's query and finding what matches it, best first."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import reduce
from operator import or_
from typing import TYPE_CHECKING

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    ExpressionWrapper,
    FloatField,
    Q,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.access import can_read_members_only
from core.i18n.chinese import to_simplified
from core.search import registry
from core.search.index import lexeme
from core.search.models import SearchEntry
from core.search.segment import spaced_words, words

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User
    from django.db.models import Expression, QuerySet

MAX_LENGTH = 100
MAX_WORDS = 20
# Matches beyond the newest this many are not ranked: the cost of a search stays flat as content grows.
MAX_RESULTS = 500
QUOTED = re.compile(r'["“”「」『』]([^"“”「」『』]*)["“”「」『』]?')


class QueryError(ValueError):
    pass


@dataclass
class Query:
    """A query in Simplified Chinese: terms whose words must all appear, and phrases, as (offset, word) pairs,
    whose words must stand at those distances from one another."""

    text: str
    terms: list[list[str]] = field(default_factory=list)
    phrases: list[list[tuple[int, str]]] = field(default_factory=list)

    @property
    def all_words(self) -> list[str]:
        phrase_words = [[word for _, word in phrase] for phrase in self.phrases]
        return list(dict.fromkeys(word for group in (*self.terms, *phrase_words) for word in group))

    def tsquery(self) -> str:
        parts = [" & ".join(map(lexeme, term)) for term in self.terms]
        for phrase in self.phrases:
            (_, first), *rest = phrase
            chain = lexeme(first)
            for (before, _), (offset, word) in zip(phrase, rest, strict=False):  # rest is one shorter
                chain += f" <{offset - before}> {lexeme(word)}"
            parts.append(f"({chain})")
        return " & ".join(parts)


def parse(raw: str | None) -> Query:
    """A Query from what the reader typed (Traditional characters are read as Simplified); QueryError if unusable."""
    text = " ".join(to_simplified(raw or "").split())
    if len(text) > MAX_LENGTH:
        raise QueryError(_("Please keep the search under %(limit)d characters.") % {"limit": MAX_LENGTH})
    query = Query(text=text)
    for phrase in QUOTED.findall(text):
        phrase_words = spaced_words(phrase)
        if len(phrase_words) > 1:
            query.phrases.append(phrase_words)
        elif phrase_words:
            query.terms.append([word for _, word in phrase_words])
    for term in QUOTED.sub(" ", text).split():
        term_words = words(term)
        if term_words:
            query.terms.append(term_words)
    if not query.all_words:
        raise QueryError(_("Please type a word or a name to search for: punctuation alone finds nothing."))
    if len(query.all_words) > MAX_WORDS:
        raise QueryError(_("Please use fewer words (at most %(limit)d).") % {"limit": MAX_WORDS})
    return query


def visible_entries(user: User | AnonymousUser) -> QuerySet[SearchEntry]:
    """Entries this reader may find: published by now, and members-only documents only for members."""
    entries = SearchEntry.objects.filter(Q(visible_from__isnull=True) | Q(visible_from__lte=timezone.now()))
    if not can_read_members_only(user):
        entries = entries.filter(members_only=False)
    return entries


def object_ids(query: Query, kind: str) -> QuerySet[SearchEntry, Mapping[str, object]]:
    """The ids of the items of one kind that match: for lists that keep their own order (news, cities)."""
    return matching(query, SearchEntry.objects.filter(kind=kind)).values("object_id")


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def matching(query: Query, entries: QuerySet[SearchEntry]) -> QuerySet[SearchEntry]:
    if _postgres():
        return entries.filter(RawSQL("words @@ %s::tsquery", [query.tsquery()], output_field=BooleanField()))
    # SQLite, more simply: every word must be there, a quoted phrase's words in any order.
    for word in query.all_words:
        entries = entries.filter(words__contains=f" {word} ")
    return entries


@dataclass
class Match:
    pk: int
    kind: str
    date: datetime | None
    rank: float


def find(query: Query, entries: QuerySet[SearchEntry], kinds: Sequence[str] | None = None) -> list[Match]:
    """The newest MAX_RESULTS matches of each kind, best first: ts_rank over the weights (title A, summary B,
    body C), newer first among equals. On SQLite, more query words in the title rank higher. One query; the
    caller fetches the entries of the page it shows. Capping each kind keeps old cities and documents
    among the candidates however much news matches."""
    matched = matching(query, entries)
    kinds = registry.kind_names() if kinds is None else kinds
    newest = [matched.filter(kind=kind).order_by("-date", "-pk").values("pk")[:MAX_RESULTS] for kind in kinds]
    if len(newest) > 1 and connection.features.supports_slicing_ordering_in_compound:
        # One UNION ALL on PostgreSQL: each part walks the (kind, date) index and stops at its cap.
        candidates = SearchEntry.objects.filter(pk__in=newest[0].union(*newest[1:], all=True))
    else:
        candidates = SearchEntry.objects.filter(reduce(or_, (Q(pk__in=part) for part in newest)))
    if _postgres():
        rank: Expression = RawSQL("ts_rank(words, %s::tsquery)", [query.tsquery()], output_field=FloatField())
    else:
        rank = sum(
            (Case(When(title__contains=word, then=Value(1)), default=Value(0)) for word in query.all_words), Value(0)
        )
        rank = ExpressionWrapper(rank, output_field=FloatField())
    rows = candidates.annotate(rank=rank).values_list("pk", "kind", "date", "rank")
    matches = [Match(*row) for row in rows]
    matches.sort(key=lambda match: (-match.rank, -(match.date.timestamp() if match.date else 0), -match.pk))
    return matches


def count_by_kind(matches: Iterable[Match]) -> dict[str, int]:
    """{"article": 12, "city": 2, ...} for a list of matches."""
    return dict(Counter(match.kind for match in matches))
