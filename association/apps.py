from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class PortalAdminConfig(AdminConfig):
    """The Django admin with the portal's own site: branded, with a staff dashboard."""

    default_site = "association.admin_site.PortalAdminSite"


class AssociationConfig(AppConfig):
    name = "association"
    verbose_name = _("Association")

    def ready(self):
        from association import search
        from association.models import Association, Document, Page
        from core import integrity, site

        search.register()
        site.register_profile(Association.load)
        integrity.register(Page, Page.objects.all)
        integrity.register(Document, Document.objects.all)
