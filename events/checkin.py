"""Checking delegates in at the registration desk, once each."""

import datetime
from dataclasses import dataclass

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from core.locks import atomic_with_lock_timeout
from events.models import Delegate, Delegation


@dataclass
class CheckinResult:
    ok: bool
    message: str
    delegate: Delegate | None = None
    closed: bool = False  # refused by the clock: the desk is not open for this meeting now


def checkin_window(event):
    """From the start of the day before the meeting (delegates arrive the evening before) to its end."""
    day_before = timezone.localtime(event.starts_at).date() - datetime.timedelta(days=1)
    opens = timezone.make_aware(datetime.datetime.combine(day_before, datetime.time.min))
    return opens, event.ends_at


def _desk_closed(event, now):
    opens, closes = checkin_window(event)
    if now < opens:
        return _("Check-in has not opened: it opens on %(date)s, the day before the meeting.") % {
            "date": formats.date_format(timezone.localtime(opens), "DATE_FORMAT")
        }
    if now > closes:
        return _("The meeting ended on %(date)s: check-in is closed.") % {
            "date": formats.date_format(timezone.localtime(closes), "DATE_FORMAT")
        }
    return None


@atomic_with_lock_timeout
def delegate_check_in(*, token, event):
    """Mark the delegate present, while the desk is open (checkin_window). The row lock makes simultaneous scans
    of one code record one check-in."""
    closed = _desk_closed(event, timezone.now())
    if closed:
        return CheckinResult(False, closed, closed=True)
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
