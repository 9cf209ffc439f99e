from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembershipConfig(AppConfig):
    name = "membership"
    verbose_name = _("Membership and dues")

    def ready(self):
        from members import desk
        from membership import selectors

        desk.register(
            desk.DeskSection(template="membership/portal/desk_membership.html", data=selectors.desk_for, position=3)
        )
