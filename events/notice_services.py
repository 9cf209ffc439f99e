"""Meeting notices: sending them to the chosen cities, reminding those who have not replied, and the officers'
reading and replying. Each e-mail is written to the outbox in the transaction of the change."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core import site
from events import contributions, emails, sms
from events.models import Delegation, MeetingNotice, NoticeRecipient
from members.access import speaks_for
from members.models import MemberCity

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django_stubs_ext import StrOrPromise

    from members.models import LiaisonOfficer

SEND_PERMISSION = "events.change_meetingnotice"
State = NoticeRecipient.State


def notice_audience(notice: MeetingNotice) -> QuerySet[MemberCity]:
    """The member cities a notice goes to: those chosen, and those of the regions chosen; all, when none is; in
    every case only cities with a current liaison officer to read it."""
    cities = MemberCity.objects.members().filter(officers__in=_current_officers()).distinct()
    regions, chosen = list(notice.regions.all()), list(notice.cities.all())
    if regions or chosen:
        cities = cities.filter(Q(region__in=regions) | Q(pk__in=[city.pk for city in chosen]))
    return cities.select_related("region").order_by("region__order", "name")


def _current_officers() -> QuerySet[LiaisonOfficer]:
    from members.models import LiaisonOfficer

    return LiaisonOfficer.objects.current()


def _mail(recipient: NoticeRecipient, template: str, key: str) -> None:
    context = {
        "notice": recipient.notice,
        "event": recipient.notice.event,
        "city": recipient.city,
        "association": site.profile(),
    }
    emails.to_officers(
        recipient.city, kind=contributions.MEETING_NOTICE.code, key=key, template=template, context=context
    )
    sms.notice(recipient, key=key, reminder=template == "notice_reminder")


@transaction.atomic
def notice_send(*, notice: MeetingNotice, by: User) -> int:
    """Send the notice to every city of its audience that has not had it; how many cities it went to now."""
    if not by.has_perm(SEND_PERMISSION):
        raise PermissionDenied
    already = set(notice.recipients.values_list("city_id", flat=True))
    sent = 0
    for city in notice_audience(notice):
        if city.pk in already:
            continue
        recipient = NoticeRecipient.objects.create(notice=notice, city=city)
        _mail(recipient, "notice", f"meeting-notice:{notice.pk}:city-{city.pk}")
        sent += 1
    if sent:
        notice.sent_at = timezone.now()
        notice.save(update_fields=["sent_at"])
    return sent


@transaction.atomic
def notice_remind(*, notice: MeetingNotice, by: User) -> int:
    """Remind every city that has neither replied nor registered; how many were reminded."""
    if not by.has_perm(SEND_PERMISSION):
        raise PermissionDenied
    registered = set(_registered_city_ids(notice))
    now = timezone.now()
    reminded = 0
    for recipient in notice.recipients.filter(reply="").select_related("city", "notice__event"):
        if recipient.city_id in registered:
            continue
        _mail(
            recipient,
            "notice_reminder",
            f"meeting-notice-reminder:{notice.pk}:city-{recipient.city_id}:{now:%Y%m%d%H%M%S}",
        )
        recipient.reminded_at = now
        recipient.save(update_fields=["reminded_at"])
        reminded += 1
    return reminded


def _own_copy(recipient: NoticeRecipient, officer: LiaisonOfficer) -> None:
    if not speaks_for(officer.user, recipient.city_id):
        raise PermissionDenied


def notice_mark_read(*, recipient: NoticeRecipient, officer: LiaisonOfficer) -> NoticeRecipient:
    """The first time one of the city's officers opens it."""
    _own_copy(recipient, officer)
    if recipient.read_at is None:
        recipient.read_at = timezone.now()
        recipient.save(update_fields=["read_at"])
    return recipient


@transaction.atomic
def notice_reply(
    *, recipient: NoticeRecipient, officer: LiaisonOfficer, reply: str, reason: str = ""
) -> NoticeRecipient:
    """The city's answer: it will attend (and register), or it will not, saying why. It may change its mind."""
    _own_copy(recipient, officer)
    if reply not in NoticeRecipient.Reply.values:
        raise ValidationError(_("Choose whether your city will attend."))
    if reply == NoticeRecipient.Reply.DECLINE and not reason.strip():
        raise ValidationError(_("Say briefly why your city will not attend."))
    if reply == NoticeRecipient.Reply.DECLINE:
        registered = Delegation.objects.filter(event=recipient.notice.event_id, city=recipient.city_id).active().first()
        if registered is not None:
            raise ValidationError(
                _(
                    "Your city's delegation to this meeting is %(state)s. If the city will not attend, withdraw the "
                    "delegation on its registration page; the reply then follows."
                )
                % {"state": registered.get_state_display()}
            )
    recipient.reply, recipient.reason = reply, reason.strip()
    recipient.replied_at, recipient.replied_by = timezone.now(), officer.user
    recipient.read_at = recipient.read_at or recipient.replied_at
    recipient.save()
    return recipient


def notice_replies_follow_registration(delegation: Delegation) -> int:
    """A city that declined a meeting and then registers for it will attend after all: its reply says so."""
    if delegation.city_id is None:
        return 0
    return NoticeRecipient.objects.filter(
        notice__event=delegation.event_id, city=delegation.city_id, reply=NoticeRecipient.Reply.DECLINE
    ).update(
        reply=NoticeRecipient.Reply.ATTEND, reason="", replied_at=timezone.now(), replied_by=delegation.submitted_by
    )


def _registered_city_ids(notice: MeetingNotice) -> list[int]:
    return list(
        Delegation.objects.filter(event=notice.event_id, city__isnull=False).active().values_list("city_id", flat=True)
    )


@dataclass(frozen=True)
class CityRow:
    city: MemberCity
    state: str
    recipient: NoticeRecipient | None

    @property
    def state_label(self) -> StrOrPromise:
        return State(self.state).label


def notice_table(notice: MeetingNotice) -> list[CityRow]:
    """Every member city, with where it stands: not sent, sent, read, replied or registered (the last wins)."""
    copies = {recipient.city_id: recipient for recipient in notice.recipients.all()}
    registered = set(_registered_city_ids(notice))
    rows = []
    cities = MemberCity.objects.members().only("pk", "name", "slug").order_by("region__order", "name")
    for city in cities:
        recipient = copies.get(city.pk)
        if city.pk in registered:
            state = State.REGISTERED
        elif recipient is None:
            state = State.NOT_SENT
        elif recipient.reply:
            state = State.REPLIED
        elif recipient.read_at:
            state = State.READ
        else:
            state = State.SENT
        rows.append(CityRow(city, state, recipient))
    return rows
