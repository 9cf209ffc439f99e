from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Member cities")

    def ready(self):
        from core import integrity
        from members import search
        from members.models import MemberCity

        search.register()
        integrity.register(MemberCity, MemberCity.objects.all)
