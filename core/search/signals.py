"""The index follows every save and delete of a searchable object, and the saves of what is indexed with it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.db.models.signals import post_delete, post_save

from core import effects
from core.search import index, registry

if TYPE_CHECKING:
    from django.db.models import Model

    from core.search.registry import SearchKind


def _saved(sender: type[Model], instance: Model, raw: bool = False, **kwargs: Any) -> None:
    """Saves no service announces itself (admin forms, imports, the demo): services call
    core.publication.content_changed instead."""
    if not raw and not effects.handled_by_a_service(instance):
        index.update(instance)


def _deleted(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    index.remove(sender, instance.pk)


def _dependents_saved(kind: SearchKind) -> Callable[..., None]:
    def reindex(sender: type[Model], instance: Model, raw: bool = False, **kwargs: Any) -> None:
        if not raw:
            for item in kind.dependents[sender](instance):
                index.update(item)

    return reindex


def _dependent_uid(kind: SearchKind, dependent: type[Model]) -> str:
    return f"search-index-{kind.name}-after-{dependent._meta.label_lower}"


def connect(kind: SearchKind) -> None:
    post_save.connect(_saved, sender=kind.model, dispatch_uid=f"search-index-{kind.name}")
    post_delete.connect(_deleted, sender=kind.model, dispatch_uid=f"search-unindex-{kind.name}")
    for dependent in kind.dependents:
        post_save.connect(
            _dependents_saved(kind), sender=dependent, weak=False, dispatch_uid=_dependent_uid(kind, dependent)
        )


def disconnect(kind: SearchKind) -> None:
    post_save.disconnect(sender=kind.model, dispatch_uid=f"search-index-{kind.name}")
    post_delete.disconnect(sender=kind.model, dispatch_uid=f"search-unindex-{kind.name}")
    for dependent in kind.dependents:
        post_save.disconnect(sender=dependent, dispatch_uid=_dependent_uid(kind, dependent))


def follow_kinds() -> None:
    """Keep the index in step with the saves of every kind registered, now and later (called when core starts)."""
    registry.follow(connect, disconnect)
