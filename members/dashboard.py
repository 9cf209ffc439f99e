"""The counts the members app shows its staff on the admin index (declared in contributions.py)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.backoffice.dashboard import Tile
from members.models import LiaisonOfficer, MemberCity


def tiles(request):
    if request.user.has_perm("members.view_membercity"):
        yield Tile(
            _("Member cities"), MemberCity.objects.members().count(), reverse("admin:members_membercity_changelist")
        )
    if request.user.has_perm("members.view_liaisonofficer"):
        yield Tile(
            _("Liaison officers in office"),
            LiaisonOfficer.objects.current().count(),
            reverse("admin:members_liaisonofficer_changelist"),
        )
