"""Meetings in the site-wide search: every event past its draft, found by its title, venue and host city."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from core.search import registry
from core.search.sources import Item, join
from events.models import Event, EventSeries
from members.models import MemberCity


def event_item(event):
    if event.status == Event.Status.DRAFT:
        return None
    with override("zh-hans"):
        title = event.display_title
    with override("en"):
        title_en = event.display_title if event.title_en or (event.series and event.series.name_en) else ""
    return Item(
        kind="event", key=str(event.pk), title=title, title_en=title_en, text=event.description,
        text_en=event.description_en, date=event.starts_at,
        weighted=[("A", join(title, title_en)),
                  ("B", join(event.venue, event.venue_en, *((event.host_city.name, event.host_city.name_en)
                                                            if event.host_city else ()))),
                  ("C", join(event.description, event.description_en))],
    )


def indexed_events():
    return Event.objects.published().select_related("series", "host_city")


def register():
    registry.register(registry.SearchKind(
        name="event", label=_("Events"), model=Event, position=20, item=event_item, queryset=indexed_events,
        url=lambda key: reverse("events:detail", args=[int(key)]),
        # A series names its editions; a city names the events it hosts.
        dependents={
            EventSeries: lambda series: indexed_events().filter(series=series),
            MemberCity: lambda city: indexed_events().filter(host_city=city),
        },
    ))
