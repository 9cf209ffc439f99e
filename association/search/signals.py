"""The index follows every save and delete of a searchable item (and of a series, which names its editions)."""

from django.db.models.signals import post_delete, post_save

from association.search import index, sources
from events.models import EventSeries
from members.models import MemberCity, Region


def _saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index.update(instance)


def _deleted(sender, instance, **kwargs):
    index.remove(sender, instance.pk)


def _series_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        for edition in instance.editions.select_related("series", "host_city"):
            index.update(edition)


def _region_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        for city in instance.cities.select_related("region"):
            index.update(city)


def _city_saved(sender, instance, raw=False, **kwargs):
    """A city's name is indexed with the events it hosts."""
    if not raw:
        for event in instance.hosted_events.select_related("series", "host_city"):
            index.update(event)


def connect():
    for model in sources.SOURCES:
        post_save.connect(_saved, sender=model, dispatch_uid=f"search-index-{model.__name__}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"search-unindex-{model.__name__}")
    post_save.connect(_series_saved, sender=EventSeries, dispatch_uid="search-index-series")
    post_save.connect(_region_saved, sender=Region, dispatch_uid="search-index-region")
    post_save.connect(_city_saved, sender=MemberCity, dispatch_uid="search-index-hosted-events")
