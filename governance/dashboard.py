"""The counts the governance app shows its staff on the admin index (declared in contributions.py)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.backoffice.dashboard import Tile
from governance.models import Mandate, Motion


def tiles(request):
    user = request.user
    if user.has_perm("governance.view_mandate"):
        leaders = Mandate.objects.current().filter(term__body__branch__isnull=True, position__leading=True)
        yield Tile(_("Leaders in office"), leaders.count(), reverse("admin:governance_mandate_changelist"))
    if user.has_perm("governance.view_motion"):
        yield Tile(
            _("Votes open now"),
            Motion.objects.open_now().count(),
            reverse("admin:governance_motion_changelist") + "?state__exact=open",
        )
