import base64
import hashlib
import re
from functools import lru_cache, wraps

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from core.backoffice import dashboard, figures
from members.forms import PortalAdminSignInForm

# The admin's page titles, in our catalogue (read before Django's): Django's Chinese puts a space between the verb
# and the noun ("修改 文章"), which Chinese does not write.
ADMIN_TITLES = (gettext_noop("Add %s"), gettext_noop("Change %s"), gettext_noop("View %s"))


class PortalAdminSite(admin.AdminSite):
    site_header = _("Mayors' Association back office")
    site_title = _("Back office")
    index_title = _("Dashboard")
    enable_nav_sidebar = True
    login_form = PortalAdminSignInForm

    def admin_view(self, view, cacheable=False):
        """Every back-office page may run the rich-text editor's import map and the stylesheet its Tiptap core
        injects, its only inline script and style: the Content-Security-Policy allows those two by their hashes."""
        protected = super().admin_view(view, cacheable)

        @wraps(protected)
        def with_editor_scripts(request, *args, **kwargs):
            response = protected(request, *args, **kwargs)
            response._csp_update = {"script-src": [editor_importmap_hash()], "style-src": [EDITOR_STYLE_HASH]}
            return response

        return with_editor_scripts

    def has_permission(self, request):
        """Staff who have also given their second sign-in step (members/two_factor.py)."""
        verified = getattr(request.user, "is_verified", None)
        return super().has_permission(request) and verified is not None and verified()

    def get_urls(self):
        from django.urls import path

        from core.backoffice import figures_views

        return [
            path("dashboard/", self.admin_view(figures_views.dashboard), {"admin_site": self}, name="figures"),
            path("dashboard/<slug:key>.json", self.admin_view(figures_views.chart_json), name="figures_chart"),
            *super().get_urls(),
        ]

    def index(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "dashboard_tiles": dashboard.tiles_for(request),
            "has_charts": bool(figures.charts(user=request.user)),
        }
        return super().index(request, extra_context)


# The <style> element Tiptap adds to the page (django-prose-editor 0.28). After an upgrade that changes it,
# tests/browser/test_content_security_policy.py fails and names the new hash.
EDITOR_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"


@lru_cache(maxsize=1)
def editor_importmap_hash():
    """The CSP source for django-prose-editor's <script type="importmap">, whose content (the static URLs of the
    editor's modules) is the same for every page of a deployment."""
    from django_prose_editor.widgets import importmap

    content = re.search(r">(.*)</script>", importmap.render(), re.S).group(1)
    return f"'sha256-{base64.b64encode(hashlib.sha256(content.encode()).digest()).decode()}'"
