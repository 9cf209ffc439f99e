from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from core.web import metrics
        from events import selectors
        from members import desk

        metrics.register_gauge(
            "portal_delegations",
            "Delegations by state, for meetings not yet over.",
            ["state"],
            selectors.delegations_by_state,
        )
        desk.register(
            desk.DeskSection(
                template="events/portal/desk_notices.html",
                data=lambda officer: selectors.notices_for(officer.city),
                position=5,
            )
        )
        desk.register(
            desk.DeskSection(
                template="events/portal/desk_open_events.html",
                data=lambda officer: selectors.open_events_with_delegations(officer.city),
                position=10,
            )
        )
