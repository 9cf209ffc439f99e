"""The index follows every save and delete of a searchable item (and of a series, which names its editions)."""

from django.db.models.signals import post_delete, post_save

from association.search import index, sources
from events.models import EventSeries


def _saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index.update(instance)


def _deleted(sender, instance, **kwargs):
    index.remove(sender, instance.pk)


def _series_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        for edition in instance.editions.select_related("series", "host_city"):
            index.update(edition)


def connect():
    for model in sources.SOURCES:
        post_save.connect(_saved, sender=model, dispatch_uid=f"search-index-{model.__name__}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"search-unindex-{model.__name__}")
    post_save.connect(_series_saved, sender=EventSeries, dispatch_uid="search-index-series")
