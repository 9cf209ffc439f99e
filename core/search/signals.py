"""The index follows every save and delete of a searchable object, and the saves of what is indexed with it."""

from django.db.models.signals import post_delete, post_save

from core.search import index


def _saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index.update(instance)


def _deleted(sender, instance, **kwargs):
    index.remove(sender, instance.pk)


def _dependents_saved(kind):
    def reindex(sender, instance, raw=False, **kwargs):
        if not raw:
            for item in kind.dependents[sender](instance):
                index.update(item)

    return reindex


def _dependent_uid(kind, dependent):
    return f"search-index-{kind.name}-after-{dependent._meta.label_lower}"


def connect(kind):
    post_save.connect(_saved, sender=kind.model, dispatch_uid=f"search-index-{kind.name}")
    post_delete.connect(_deleted, sender=kind.model, dispatch_uid=f"search-unindex-{kind.name}")
    for dependent in kind.dependents:
        post_save.connect(_dependents_saved(kind), sender=dependent, weak=False,
                          dispatch_uid=_dependent_uid(kind, dependent))


def disconnect(kind):
    post_save.disconnect(sender=kind.model, dispatch_uid=f"search-index-{kind.name}")
    post_delete.disconnect(sender=kind.model, dispatch_uid=f"search-unindex-{kind.name}")
    for dependent in kind.dependents:
        post_save.disconnect(sender=dependent, dispatch_uid=_dependent_uid(kind, dependent))
