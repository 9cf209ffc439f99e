"""The back office of events, one module per subject; the dashboard tiles of events."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.backoffice import dashboard
from events.admin import delegations, guests, meetings, notices  # noqa: F401  (they register their admins)
from events.models import Delegation, Event


@dashboard.register
def events_tiles(request):
    if request.user.has_perm("events.view_delegation"):
        url = reverse("admin:events_delegation_changelist")
        pending = Delegation.objects.pending().count()
        yield dashboard.Tile(_("Delegations awaiting decision"), pending, f"{url}?state__exact=pending", attention=True)
    if request.user.has_perm("events.view_event"):
        upcoming = Event.objects.filter(ends_at__gte=timezone.now()).exclude(status=Event.Status.CANCELLED).count()
        yield dashboard.Tile(_("Upcoming events"), upcoming, reverse("admin:events_event_changelist"))
