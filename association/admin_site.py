from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core import dashboard


class PortalAdminSite(admin.AdminSite):
    site_header = _("Mayors' Association back office")
    site_title = _("Back office")
    index_title = _("Dashboard")
    enable_nav_sidebar = True

    def index(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "dashboard_tiles": dashboard.tiles_for(request)}
        return super().index(request, extra_context)
