from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = _("Bodies and votes")

    def ready(self):
        from governance import selectors
        from members import desk

        desk.register(
            desk.DeskSection(template="governance/portal/desk_votes.html", data=selectors.desk_votes, position=5)
        )
