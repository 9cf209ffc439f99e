"""Every change of a delegation goes through here: registration, decisions, withdrawal, the
waiting list. Each takes the event's row lock inside one transaction, so no interleaving of
requests can confirm more delegates than the capacity or a city's limit."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from core.locks import atomic_with_lock_timeout
from events import emails
from events.models import Delegate, Delegation, DelegationTransition, Event, GuestInvitation, RegistrationWindow
from events.notice_services import notice_replies_follow_registration
from events.rooms import rooms_follow_accommodation
from events.rules import delegate_problems
from members.access import speaks_for

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from members.models import LiaisonOfficer, MemberCity

State = Delegation.State

# Switched off only by the concurrency test's control run, to prove that test can see overbooking.
LOCKING = True
# A test hook run between the capacity check and the write, to widen the window a race needs.
after_capacity_check: Callable[[], object] | None = None

LEGAL: dict[str, set[State]] = {
    State.PENDING: {State.CONFIRMED, State.WAITLISTED, State.REJECTED, State.WITHDRAWN},
    State.WAITLISTED: {State.CONFIRMED, State.REJECTED, State.WITHDRAWN},
    State.CONFIRMED: {State.WITHDRAWN, State.REJECTED},
    State.REJECTED: set(),
    State.WITHDRAWN: set(),
}
STAFF_PERMISSION = "events.change_delegation"


def _lock_event(event_id: int) -> Event:
    events = Event.objects.select_for_update() if LOCKING else Event.objects
    return events.get(pk=event_id)


def confirmed_delegates(event: Event, *, excluding: Delegation | None = None) -> int:
    delegations = Delegation.objects.filter(event=event)
    if excluding is not None:
        delegations = delegations.exclude(pk=excluding.pk)
    return delegations.confirmed_delegate_total()


def within_capacity(event: Event, *, confirmed: int, adding: int) -> bool:
    """The capacity rule, counted in delegates: those confirmed and those to add fit the meeting's capacity."""
    return confirmed + adding <= event.capacity


def _fits(event: Event, delegation: Delegation, count: int, *, confirmed: int | None = None) -> bool:
    if confirmed is None:
        confirmed = confirmed_delegates(event, excluding=delegation)
    fits = within_capacity(event, confirmed=confirmed, adding=count)
    if after_capacity_check:
        after_capacity_check()
    return fits


def _record(delegation: Delegation, *, to: State, by: User | None, reason: str = "") -> None:
    from_state = delegation.state if delegation.pk else ""
    if from_state and to not in LEGAL[from_state]:
        raise ValidationError(
            _("A delegation that is %(current)s cannot become %(target)s.")
            % {"current": State(from_state).label, "target": State(to).label}
        )
    delegation.state = to
    if to == State.WAITLISTED:
        delegation.waitlisted_at = timezone.now()
    if delegation.pk:
        delegation.save(update_fields=["state", "waitlisted_at", "updated_at"])
    else:
        delegation.save()
    transition = DelegationTransition.objects.create(
        delegation=delegation, from_state=from_state, to_state=to, by=by, reason=reason
    )
    emails.state_changed(delegation, transition)


def _check_delegates(event: Event, delegates: Sequence[Mapping[str, Any]]) -> None:
    problems = delegate_problems(event, delegates)
    if problems:
        raise ValidationError(problems)


def _write_delegates(delegation: Delegation, delegates: Sequence[Mapping[str, Any]], *, new: bool = False) -> None:
    """A delegate already registered under the same name stays the same record, so that a changed delegation keeps
    its printed badges' check-in codes and the rooms the secretariat gave."""
    kept: dict[str, list[Delegate]] = {}
    for existing in [] if new else delegation.delegates.order_by("rank", "id"):
        kept.setdefault(existing.name, []).append(existing)
    changed, fresh = [], []
    for data in delegates:
        same_name = kept.get(data["name"])
        if not same_name:
            fresh.append(Delegate(delegation=delegation, **data))
            continue
        existing = same_name.pop(0)
        for field, value in data.items():
            setattr(existing, field, value)
        changed.append(existing)
    delegation.delegates.filter(pk__in=[d.pk for left in kept.values() for d in left]).delete()
    if changed:
        fields = sorted({field for data in delegates for field in data})
        if "is_head" in fields:
            delegation.delegates.update(is_head=False)  # the head may move: one head at every moment of the update
        Delegate.objects.bulk_update(changed, fields)
    Delegate.objects.bulk_create(fresh)
    if changed:
        rooms_follow_accommodation(delegation)
    delegation.delegate_count = len(delegates)


def _place(event: Event, delegation: Delegation) -> State:
    """Where a delegation goes when no staff decision is needed, or raise when it cannot go anywhere. Seats freed go
    to the waiting list first in, first out (_promote_waiting_list), so nobody who registers later goes before."""
    if event.requires_approval:
        return State.PENDING
    others = Delegation.objects.filter(event=event).exclude(pk=delegation.pk)
    taken = others.aggregate(
        confirmed=Coalesce(Sum("delegate_count", filter=Q(state=State.CONFIRMED)), 0),
        waiting=Count("pk", filter=Q(state=State.WAITLISTED)),
    )
    queue = event.waiting_list and taken["waiting"] > 0
    if not queue and _fits(event, delegation, delegation.delegate_count, confirmed=taken["confirmed"]):
        return State.CONFIRMED  # while anyone waits, a newcomer queues behind them even if it would fit
    if event.waiting_list:
        return State.WAITLISTED
    raise ValidationError(
        _("The meeting is full: there is no room for %(count)d more delegates.") % {"count": delegation.delegate_count}
    )


def _register(
    event: Event,
    *,
    admissible: Callable[[Event], object],
    delegates: Sequence[Mapping[str, Any]],
    remarks: str,
    submitted_by: User | None,
    reason: str,
    city: MemberCity | None = None,
    guest: GuestInvitation | None = None,
) -> Delegation:
    """The one way a delegation comes to be, whoever registers it: checked, placed, recorded, its party told.

    What does not depend on the other registrations (the checks, the pending delegation, its delegates, the
    "submitted" step) is written before the meeting's row lock is taken; the lock is held, to the commit, only for
    the placement, its step and the e-mail. When registration opens, everyone queues for that lock, so the work
    done while holding it sets how many registrations a second the meeting takes."""
    admissible(event)
    _check_delegates(event, delegates)
    if guest is not None and Delegation.objects.filter(guest=guest).active().exists():
        raise ValidationError(_("This invitation has already been used to register a delegation."))
    delegation = Delegation(
        event=event,
        city=city,
        guest=guest,
        submitted_by=submitted_by,
        remarks=remarks,
        consent_given_at=timezone.now(),
        delegate_count=len(delegates),
        state=State.PENDING,
    )
    try:
        with transaction.atomic():
            delegation.save()
    except IntegrityError as error:  # checked by the database's constraint, not by a query before every insert
        if guest is not None and Delegation.objects.filter(guest=guest).active().exists():
            raise ValidationError(_("This invitation has already been used to register a delegation.")) from error
        if city is None or not Delegation.objects.filter(event=event, city=city).active().exists():
            raise
        raise ValidationError(
            _("This city has already registered for this meeting; change that registration instead.")
        ) from error
    _write_delegates(delegation, delegates, new=True)
    notice_replies_follow_registration(delegation)
    submitted = DelegationTransition.objects.create(
        delegation=delegation, from_state="", to_state=State.PENDING, by=submitted_by, reason=reason
    )
    event = _lock_event(event.pk)
    admissible(event)  # again, as it stands now: staff may have closed registration meanwhile
    delegation.event = event
    state = _place(event, delegation)
    if state == State.PENDING:
        emails.state_changed(delegation, submitted)
    else:
        _record(delegation, to=state, by=None, reason=_("Decided automatically"))
    return delegation


def _open_to_officers(event: Event) -> None:
    if not event.is_open_for_registration:
        raise ValidationError(_("Registration for this meeting is not open."))


def _any_time(event: Event) -> None:
    """Staff register outside the registration window too: the secretariat decides."""


def _require_consent(consent: bool) -> None:
    if not consent:
        raise ValidationError(_("Consent to the use of the delegates' data is needed to register."))


@atomic_with_lock_timeout
def delegation_register(
    *, event: Event, officer: LiaisonOfficer, delegates: Sequence[Mapping[str, Any]], remarks: str = "", consent: bool
) -> Delegation:
    """An officer registers their city's delegation. One active delegation per event and city."""
    _require_consent(consent)
    return _register(
        event,
        admissible=_open_to_officers,
        city=officer.city,
        delegates=delegates,
        remarks=remarks,
        submitted_by=officer.user,
        reason=_("Submitted"),
    )


@atomic_with_lock_timeout
def delegation_register_on_behalf(
    *,
    event: Event,
    city: MemberCity,
    by: User,
    delegates: Sequence[Mapping[str, Any]],
    remarks: str = "",
    consent: bool,
) -> Delegation:
    """Staff register a city's delegation it gave by telephone or letter (also outside the registration window:
    the secretariat decides); the same checks and placement, recorded as done by staff, the city's officers told."""
    if not by.has_perm(STAFF_PERMISSION):
        raise PermissionDenied
    _require_consent(consent)
    return _register(
        event,
        admissible=_any_time,
        city=city,
        delegates=delegates,
        remarks=remarks,
        submitted_by=by,
        reason=_("Registered by the secretariat on behalf of the city"),
    )


@atomic_with_lock_timeout
def delegation_register_guest(
    *, invitation: GuestInvitation, delegates: Sequence[Mapping[str, Any]], remarks: str = "", consent: bool
) -> Delegation:
    """A guest registers through their personal link, once, until it expires."""

    def open_to_guest(event: Event) -> None:
        if not RegistrationWindow.open_to_guest(event, invitation, timezone.now()):
            raise ValidationError(_("This invitation link has expired; please contact the secretariat."))

    _require_consent(consent)
    return _register(
        invitation.event,
        admissible=open_to_guest,
        guest=invitation,
        delegates=delegates,
        remarks=remarks,
        submitted_by=None,
        reason=_("Submitted"),
    )


def _change(
    delegation: Delegation, *, delegates: Sequence[Mapping[str, Any]], remarks: str, by_staff: bool
) -> Delegation:
    event = _lock_event(delegation.event_id)
    delegation = Delegation.objects.select_for_update().get(pk=delegation.pk)
    if not delegation.is_active:
        raise ValidationError(_("This registration has ended and cannot be changed."))
    if not by_staff and not event.changes_allowed():
        raise ValidationError(_("Changes to this registration closed on %(date)s.") % {"date": _deadline(event)})
    _check_delegates(event, delegates)
    growing = len(delegates) > delegation.delegate_count
    if delegation.state == State.CONFIRMED and growing and not _fits(event, delegation, len(delegates)):
        raise ValidationError(_("There is no room for more delegates; your registration is unchanged."))
    freed = delegation.state == State.CONFIRMED and len(delegates) < delegation.delegate_count
    _write_delegates(delegation, delegates)
    delegation.remarks = remarks
    delegation.save()
    if freed:
        _promote_waiting_list(event)
    return delegation


@atomic_with_lock_timeout
def delegation_change(
    *, delegation: Delegation, officer: LiaisonOfficer, delegates: Sequence[Mapping[str, Any]], remarks: str = ""
) -> Delegation:
    """Change the delegates until the edit deadline; growing a confirmed delegation re-checks capacity."""
    if not speaks_for(officer.user, delegation.city_id):
        raise PermissionDenied
    return _change(delegation, delegates=delegates, remarks=remarks, by_staff=False)


@atomic_with_lock_timeout
def delegation_change_on_behalf(
    *, delegation: Delegation, by: User, delegates: Sequence[Mapping[str, Any]], remarks: str = ""
) -> Delegation:
    """Staff change the delegates for the city or guest (also after the edit deadline); capacity holds as always."""
    if not by.has_perm(STAFF_PERMISSION):
        raise PermissionDenied
    return _change(delegation, delegates=delegates, remarks=remarks, by_staff=True)


@atomic_with_lock_timeout
def delegation_change_as_guest(
    *, invitation: GuestInvitation, delegates: Sequence[Mapping[str, Any]], remarks: str = ""
) -> Delegation:
    delegation = Delegation.objects.filter(guest=invitation).active().first()
    if delegation is None:
        raise ValidationError(_("This invitation's delegation was withdrawn; register it again instead."))
    return _change(delegation, delegates=delegates, remarks=remarks, by_staff=False)


@atomic_with_lock_timeout
def delegation_withdraw(
    *, delegation: Delegation, by: User | None, reason: str = "", invitation: GuestInvitation | None = None
) -> Delegation:
    """By the city's officer or the guest (until the edit deadline), or by staff on their behalf (at any time)."""
    event = _lock_event(delegation.event_id)
    delegation = Delegation.objects.select_for_update().get(pk=delegation.pk)
    is_staff = by is not None and by.has_perm(STAFF_PERMISSION)
    if not is_staff:
        allowed = (invitation is not None and delegation.guest_id == invitation.pk) or (
            by is not None and delegation.city_id is not None and speaks_for(by, delegation.city_id)
        )
        if not allowed:
            raise PermissionDenied
        if not event.changes_allowed():
            raise ValidationError(
                _("Withdrawals closed on %(date)s; please call the secretariat.") % {"date": _deadline(event)}
            )
    freed = delegation.state == State.CONFIRMED
    _record(delegation, to=State.WITHDRAWN, by=by, reason=reason)
    if freed:
        _promote_waiting_list(event)
    return delegation


@transaction.atomic
def guest_invitation_send(*, invitation: GuestInvitation, by: User) -> GuestInvitation:
    """E-mail the guest their personal link (again, if need be), in the invitation's language."""
    if not by.has_perm(STAFF_PERMISSION):
        raise PermissionDenied
    if invitation.has_expired:
        raise ValidationError(_("The link has expired: give it a later expiry date first."))
    invitation.sent_at = timezone.now()
    invitation.save(update_fields=["sent_at"])
    emails.guest_invited(invitation)
    return invitation


def _deadline(event: Event) -> str:
    return f"{timezone.localtime(event.changes_allowed_until):%Y-%m-%d %H:%M}"


def waiting_ahead_of(delegation: Delegation) -> list[Delegation]:
    """The delegations on the waiting list that confirming `delegation` would go ahead of: all of them for one that
    is not waiting itself, those that joined the list before it for one that is."""
    waiting = Delegation.objects.filter(event=delegation.event_id).waiting().exclude(pk=delegation.pk)
    if delegation.state == State.WAITLISTED and delegation.waitlisted_at:
        waiting = waiting.filter(waitlisted_at__lt=delegation.waitlisted_at)
    return list(waiting.select_related("city", "guest"))


class Overtaking(ValidationError):
    """Confirming would go ahead of the waiting list, and the staff member has not said they mean to."""

    def __init__(self, delegation: Delegation, ahead: Sequence[Delegation]) -> None:
        self.ahead = list(ahead)
        super().__init__(
            _(
                "Confirming %(party)s would go ahead of the waiting list (%(names)s). Confirm the overtaking to go "
                "on; it is recorded with the decision."
            )
            % {"party": delegation.party, "names": "、".join(str(other.party) for other in self.ahead)}
        )


def _staff_decision(
    delegation: Delegation, *, to: State, by: User, reason: str = "", overtaking: bool = False
) -> Delegation:
    if not by.has_perm(STAFF_PERMISSION):
        raise PermissionDenied
    event = _lock_event(delegation.event_id)
    delegation = Delegation.objects.select_for_update().get(pk=delegation.pk)
    if to == State.CONFIRMED and delegation.state != State.CONFIRMED and event.waiting_list:
        ahead = waiting_ahead_of(delegation)
        if ahead and not overtaking:
            raise Overtaking(delegation, ahead)
        if ahead:
            overtaken = _("ahead of the waiting list, before %(names)s") % {
                "names": "、".join(str(other.party) for other in ahead)
            }
            reason = f"{reason}（{overtaken}）" if reason else str(overtaken)
    if to == State.CONFIRMED and not _fits(event, delegation, delegation.delegate_count):
        raise ValidationError(
            _("Confirming %(city)s would exceed the capacity of %(capacity)d delegates.")
            % {"city": delegation.party, "capacity": event.capacity}
        )
    freed = delegation.state == State.CONFIRMED and to != State.CONFIRMED
    _record(delegation, to=to, by=by, reason=reason)
    if freed:
        _promote_waiting_list(event)
    return delegation


@atomic_with_lock_timeout
def delegation_confirm(*, delegation: Delegation, by: User, reason: str = "", overtaking: bool = False) -> Delegation:
    """Staff confirm by hand. Ahead of anyone on the waiting list only with `overtaking`, which the decision's
    step records with the names of those overtaken (raises Overtaking otherwise)."""
    return _staff_decision(delegation, to=State.CONFIRMED, by=by, reason=reason, overtaking=overtaking)


@atomic_with_lock_timeout
def delegation_waitlist(*, delegation: Delegation, by: User, reason: str = "") -> Delegation:
    return _staff_decision(delegation, to=State.WAITLISTED, by=by, reason=reason)


@atomic_with_lock_timeout
def delegation_reject(*, delegation: Delegation, by: User, reason: str) -> Delegation:
    if not reason.strip():
        raise ValidationError(_("Give the reason for the rejection; the liaison officer will read it."))
    return _staff_decision(delegation, to=State.REJECTED, by=by, reason=reason.strip())


def _promote_waiting_list(event: Event) -> None:
    """Seats freed go to the waiting list, first in, first out, in the caller's transaction.
    The first delegation that does not fit stops the promotion, so nobody jumps the queue."""
    waiting = Delegation.objects.select_for_update().filter(event=event).waiting()
    confirmed = confirmed_delegates(event)
    for delegation in waiting:
        if not within_capacity(event, confirmed=confirmed, adding=delegation.delegate_count):
            break
        _record(delegation, to=State.CONFIRMED, by=None, reason=_("A place became free on the waiting list"))
        confirmed += delegation.delegate_count


def reminders_send_due(*, now: datetime.datetime | None = None) -> int:
    """Remind each confirmed delegation's officers once, the event's number of days before it. Claiming a reminder
    and writing its e-mail happen in one transaction, so two runs at once send it once and a failure sends none."""
    now = now or timezone.now()
    sent = 0
    for event in Event.objects.filter(status=Event.Status.PUBLISHED, starts_at__gt=now):
        if event.starts_at > now + datetime.timedelta(days=event.reminder_days):
            continue
        waiting = Delegation.objects.filter(event=event, reminder_sent_at__isnull=True).confirmed()
        for delegation in waiting.select_related("event", "event__series", "city"):
            with transaction.atomic():
                claimed = Delegation.objects.filter(pk=delegation.pk, reminder_sent_at__isnull=True).update(
                    reminder_sent_at=now
                )
                if claimed:
                    emails.reminder(delegation)
                    sent += 1
    return sent


DELEGATE_DATA_ERASED: dict[str, Any] = {
    "mobile": "",
    "arrival": None,
    "arrival_by": "",
    "departure": None,
    "departure_by": "",
    "dietary_needs": "",
    "remarks": "",
}


@dataclass(frozen=True)
class Purged:
    delegates: int  # delegates whose contact or travel details were erased
    texts: int  # delegations' remarks and state-change reasons emptied (they may hold phone or ID numbers)
    cutoff: datetime.datetime


@transaction.atomic
def delegate_data_purge(*, days: int | None = None) -> Purged:
    """Erase delegates' contact and travel details, and the free texts of the registration (remarks, reasons of
    state changes), `days` after their event ended; names, states, times and counts are kept. Only what still held
    something is changed and counted, so a second run reports nothing."""
    days = settings.DELEGATE_DATA_RETENTION_DAYS if days is None else days
    cutoff = timezone.now() - datetime.timedelta(days=days)
    still_held = Q()
    for field, erased in DELEGATE_DATA_ERASED.items():
        still_held |= Q(**{f"{field}__isnull": False}) if erased is None else ~Q(**{field: erased})
    delegates = Delegate.objects.filter(still_held, delegation__event__ends_at__lt=cutoff).update(
        **DELEGATE_DATA_ERASED
    )
    texts = Delegation.objects.filter(event__ends_at__lt=cutoff).exclude(remarks="").update(remarks="")
    texts += (
        DelegationTransition.objects.filter(delegation__event__ends_at__lt=cutoff).exclude(reason="").update(reason="")
    )
    return Purged(delegates, texts, cutoff)
