"""The outbox's count on the admin index: e-mails that could not be sent wait for staff."""

from __future__ import annotations

from collections.abc import Iterator

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.backoffice.dashboard import Tile
from core.models import OutgoingEmail


def tiles(request: HttpRequest) -> Iterator[Tile]:
    if request.user.has_perm("core.view_outgoingemail"):
        failed = OutgoingEmail.objects.filter(state=OutgoingEmail.State.FAILED).count()
        if failed:
            url = reverse("admin:core_outgoingemail_changelist")
            yield Tile(_("E-mails that could not be sent"), failed, f"{url}?state__exact=failed", attention=True)
