from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from events import search, selectors
        from members import desk

        search.register()
        desk.register(desk.DeskSection(
            template="events/portal/desk_open_events.html",
            data=lambda officer: selectors.open_events_with_delegations(officer.city),
            position=10,
        ))
