from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core import dashboard


class PortalAdminSite(admin.AdminSite):
    site_header = _("Mayors' Association back office")
    site_title = _("Back office")
    index_title = _("Dashboard")
    enable_nav_sidebar = True

    def has_permission(self, request):
        """Staff who have also given their second sign-in step (members/two_factor.py)."""
        verified = getattr(request.user, "is_verified", None)
        return super().has_permission(request) and verified is not None and verified()

    def index(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "dashboard_tiles": dashboard.tiles_for(request)}
        return super().index(request, extra_context)
