from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "publications"
    verbose_name = _("Publications")

    def ready(self):
        from core import integrity
        from publications import search
        from publications.models import Issue

        search.register()
        integrity.register(Issue, Issue.objects.published)
