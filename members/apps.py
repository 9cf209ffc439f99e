from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Member cities")

    def ready(self):
        from core.sms.outbox import opted_out
        from members.services import officers_opted_out

        opted_out.connect(officers_opted_out, dispatch_uid="members.officers_opted_out")
