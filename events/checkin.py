"""Checking delegates in at the registration desk, once each."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from core.locks import atomic_with_lock_timeout
from events.models import Delegate, Delegation


@dataclass
class CheckinResult:
    ok: bool
    message: str
    delegate: Delegate | None = None


@atomic_with_lock_timeout
def delegate_check_in(*, token, event):
    """Mark the delegate present. The row lock makes simultaneous scans of one code record one check-in."""
    token = (token or "").strip()
    delegate = (
        Delegate.objects.select_for_update(of=("self",))
        .select_related("delegation", "delegation__city", "delegation__guest")
        .filter(checkin_token=token, delegation__event=event)
        .first()
        if token
        else None
    )
    if delegate is None:
        return CheckinResult(False, _("Unknown code: this code does not belong to a delegate of this meeting."))
    if delegate.delegation.state != Delegation.State.CONFIRMED:
        return CheckinResult(
            False,
            _("Refused: the delegation of %(city)s is %(state)s.")
            % {"city": delegate.delegation.party_name, "state": delegate.delegation.get_state_display()},
            delegate,
        )
    if delegate.checked_in_at:
        return CheckinResult(
            False,
            _("Already checked in at %(time)s.") % {"time": f"{timezone.localtime(delegate.checked_in_at):%H:%M}"},
            delegate,
        )
    delegate.checked_in_at = timezone.now()
    delegate.save(update_fields=["checked_in_at"])
    return CheckinResult(
        True,
        _("Welcome: %(name)s, %(city)s.") % {"name": delegate.name, "city": delegate.delegation.party_name},
        delegate,
    )
