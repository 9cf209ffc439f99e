"""The counts the events app shows its staff on the admin index (declared in contributions.py)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.backoffice.dashboard import Tile
from events.models import Delegation, Event


def tiles(request):
    if request.user.has_perm("events.view_delegation"):
        url = reverse("admin:events_delegation_changelist")
        pending = Delegation.objects.pending().count()
        yield Tile(_("Delegations awaiting decision"), pending, f"{url}?state__exact=pending", attention=True)
    if request.user.has_perm("events.view_event"):
        upcoming = Event.objects.filter(ends_at__gte=timezone.now()).exclude(status=Event.Status.CANCELLED).count()
        yield Tile(_("Upcoming events"), upcoming, reverse("admin:events_event_changelist"))
