"""The index follows every save and delete of a searchable item, and the renaming of what is indexed with it."""

from django.db.models.signals import post_delete, post_save

from association.search import index, sources
from events.models import Event, EventSeries
from members.models import MemberCity, Region


def _saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index.update(instance)


def _deleted(sender, instance, **kwargs):
    index.remove(sender, instance.pk)


# A series names its editions, a region is indexed with its cities, a city with the events it hosts.
DEPENDENTS = {
    EventSeries: lambda series: sources.QUERYSETS[Event]().filter(series=series),
    Region: lambda region: sources.QUERYSETS[MemberCity]().filter(region=region),
    MemberCity: lambda city: sources.QUERYSETS[Event]().filter(host_city=city),
}


def _dependents_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        for item in DEPENDENTS[sender](instance):
            index.update(item)


def connect():
    for model in sources.SOURCES:
        post_save.connect(_saved, sender=model, dispatch_uid=f"search-index-{model.__name__}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"search-unindex-{model.__name__}")
    for model in DEPENDENTS:
        post_save.connect(_dependents_saved, sender=model, dispatch_uid=f"search-index-dependents-{model.__name__}")
