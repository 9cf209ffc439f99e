"""Meetings in the site-wide search: every event past its draft, found by its title, venue and host city."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from core.i18n.translation import content_languages, value_in
from core.search import registry
from core.search.sources import Item, in_every_language, join
from events.models import Event, EventSeries
from members.models import MemberCity


def _title_in(event, language):
    """The title readers of `language` see, or "" where it would only repeat the Chinese."""
    if not (value_in(event, "title", language) or (event.series and value_in(event.series, "name", language))):
        return ""
    with override(language):
        return event.display_title


def event_item(event):
    if event.status == Event.Status.DRAFT:
        return None
    with override("zh-hans"):
        title = event.display_title
    translations = {
        language: (_title_in(event, language), value_in(event, "description", language))
        for language in content_languages()
    }
    return Item(
        key=str(event.pk),
        title=title,
        text=event.description,
        translations=translations,
        date=event.starts_at,
        section_id=event.branch_id,
        weighted=[
            ("A", join(title, *(title for title, _text in translations.values()))),
            (
                "B",
                join(
                    in_every_language(event, "venue"),
                    in_every_language(event.host_city, "name") if event.host_city else "",
                ),
            ),
            ("C", in_every_language(event, "description")),
        ],
    )


def indexed_events():
    return Event.objects.published().select_related("series", "host_city")


def register():
    registry.register(
        registry.SearchKind(
            name="event",
            label=_("Events"),
            model=Event,
            position=20,
            item=event_item,
            queryset=indexed_events,
            url=lambda key: reverse("events:detail", args=[int(key)]),
            # A series names its editions; a city names the events it hosts.
            dependents={
                EventSeries: lambda series: indexed_events().filter(series=series),
                MemberCity: lambda city: indexed_events().filter(host_city=city),
            },
        )
    )
