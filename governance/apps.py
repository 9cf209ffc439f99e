from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = _("Bodies and votes")

    def ready(self):
        import rules

        from governance import selectors
        from governance.contributions import READ_PAPERS
        from governance.selectors import holds_a_mandate
        from members import desk

        rules.add_perm(READ_PAPERS, holds_a_mandate)
        desk.register(
            desk.DeskSection(template="governance/portal/desk_votes.html", data=selectors.desk_votes, position=5)
        )
