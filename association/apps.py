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
        from association.models import Association
        from core import site

        site.register_profile(Association.load)
