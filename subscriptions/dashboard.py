"""The subscriptions' count on the admin index (declared in contributions.py)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.backoffice.dashboard import Tile
from subscriptions.models import Subscriber


def tiles(request):
    if request.user.has_perm("subscriptions.view_subscriber"):
        url = reverse("admin:subscriptions_subscriber_changelist")
        yield Tile(_("E-mail subscribers"), Subscriber.objects.receiving().count(), f"{url}?state__exact=active")
