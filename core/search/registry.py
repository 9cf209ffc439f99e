"""The kinds of thing the site-wide search finds. Each app registers its own in its AppConfig.ready():
what may be indexed, how an entry is built, where it is read, and what else re-indexes it. The search
package itself names no domain model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.db.models import Model, QuerySet

    from core.search.sources import Item


@dataclass(frozen=True)
class Categories:
    """A kind whose entries carry a category the search page can filter on (news has its category tree).
    The objects need `slug`, `parent_id`, `i18n.name` and `family_ids()` (the category and those below it)."""

    label: Any
    queryset: Callable[[], QuerySet]


@dataclass(frozen=True)
class Sections:
    """Parts of the site an entry may belong to (the association's branches), which the search page can narrow to:
    `?<param>=<slug>`. The objects need `slug`, `pk` and `i18n.name`. One app declares them."""

    label: Any
    queryset: Callable[[], QuerySet]
    param: str


@dataclass(frozen=True)
class SearchKind:
    name: str  # stored in SearchEntry.kind and used in ?kind=
    label: Any  # the tab's title
    model: type[Model]
    item: Callable[[Any], Item | None]  # None: no one may find this object now
    queryset: Callable[[], QuerySet]  # everything that may be indexed, for a rebuild
    url: Callable[[str], str]  # the page of an entry, from its key
    position: int = 100  # order of the tabs
    # Other models whose saves change how this kind's objects are indexed (a renamed series renames its events):
    # model -> function(saved instance) giving the objects of this kind to index again.
    dependents: dict[type[Model], Callable[[Any], QuerySet]] = field(default_factory=dict)
    categories: Categories | None = None


_kinds: dict[str, SearchKind] = {}


# Told of each kind added and removed: core.search.signals keeps the index in step with the kinds' saves.
_followers: list[tuple[Callable[[SearchKind], None], Callable[[SearchKind], None]]] = []


def follow(added: Callable[[SearchKind], None], removed: Callable[[SearchKind], None]) -> None:
    _followers.append((added, removed))
    for kind in _kinds.values():
        added(kind)


def register(kind: SearchKind) -> SearchKind:
    """Add a kind and keep its entries in step with every save and delete of its model and its dependents."""
    _kinds[kind.name] = kind
    for added, _removed in _followers:
        added(kind)
    return kind


def unregister(name: str) -> None:
    """Forget a kind and stop following its saves (its entries stay until the next rebuild)."""
    kind = _kinds.pop(name)
    for _added, removed in _followers:
        removed(kind)


def kinds() -> list[SearchKind]:
    return sorted(_kinds.values(), key=lambda kind: kind.position)


def get(name: str) -> SearchKind:
    return _kinds[name]


def is_searchable(model: type[Model]) -> bool:
    return any(kind.model is model for kind in _kinds.values())


def for_model(model: type[Model]) -> SearchKind:
    for kind in _kinds.values():
        if kind.model is model:
            return kind
    raise LookupError(f"{model.__name__} is not a registered search kind")


def kind_choices() -> list[tuple[str, Any]]:
    return [(kind.name, kind.label) for kind in kinds()]


def kind_names() -> list[str]:
    return [kind.name for kind in kinds()]


_sections: list[Sections] = []


def set_sections(sections: Sections) -> None:
    _sections[:] = [sections]


def sections() -> Sections | None:
    return _sections[0] if _sections else None


def categorised() -> SearchKind | None:
    """The kind whose entries have categories to filter on, if one registered them."""
    return next((kind for kind in kinds() if kind.categories), None)
