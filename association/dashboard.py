"""The counts the association app shows its staff on the admin index (declared in contributions.py)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from association.models import Branch, Document
from core.backoffice.dashboard import Tile


def tiles(request):
    user = request.user
    if user.has_perm("association.view_document"):
        this_year = timezone.localdate().year
        yield Tile(
            _("Documents published this year"),
            Document.objects.filter(issued_on__year=this_year).count(),
            reverse("admin:association_document_changelist"),
        )
    if user.has_perm("association.view_branch"):
        yield Tile(
            _("Active branches"), Branch.objects.active().count(), reverse("admin:association_branch_changelist")
        )
