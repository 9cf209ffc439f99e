"""E-mails about a delegation, to the city's liaison officers or to the guest, written to the outbox inside the
transaction of the change they report."""

from core import site
from core.mail import outbox
from events import contributions, sms


def to_officers(city, *, kind, key, template, context):
    """One e-mail per language the city's current officers read (each officer chooses theirs)."""
    by_language = {}
    for officer in city.officers.current().order_by().only("city", "email", "language"):
        if officer.email:
            by_language.setdefault(officer.email_language, set()).add(officer.email)
    for language, recipients in sorted(by_language.items()):
        subject, body = outbox.compose(f"events/email/{template}", context, language)
        outbox.enqueue(kind=kind, key=f"{key}:{language}", to=recipients, subject=subject, body=body, language=language)


def _to_party(delegation, *, kind, key, template, context):
    if delegation.city_id:
        to_officers(delegation.city, kind=kind, key=key, template=template, context=context)
        return
    guest = delegation.guest
    subject, body = outbox.compose(f"events/email/{template}", {**context, "guest": guest}, guest.language)
    outbox.enqueue(
        kind=contributions.GUEST.code,
        key=f"{key}:{guest.language}",
        to=[guest.email],
        subject=subject,
        body=body,
        language=guest.language,
    )


def state_changed(delegation, transition):
    context = {
        "delegation": delegation,
        "event": delegation.event,
        "association": site.profile(),
        "transition": transition,
        "delegates": list(delegation.delegates.all()),
    }
    _to_party(
        delegation,
        kind=contributions.DELEGATION.code,
        key=f"delegation-transition:{transition.pk}",
        template="state",
        context=context,
    )
    sms.state_changed(delegation, transition)


def reminder(delegation):
    context = {"delegation": delegation, "event": delegation.event, "association": site.profile()}
    _to_party(
        delegation,
        kind=contributions.REMINDER.code,
        key=f"reminder:delegation-{delegation.pk}",
        template="reminder",
        context=context,
    )
    sms.reminder(delegation)


def guest_invited(invitation):
    context = {"guest": invitation, "event": invitation.event, "association": site.profile()}
    subject, body = outbox.compose("events/email/guest_invitation", context, invitation.language)
    outbox.enqueue(
        kind=contributions.GUEST.code,
        key=f"guest-invitation:{invitation.pk}:{invitation.sent_at:%Y%m%d%H%M%S}",
        to=[invitation.email],
        subject=subject,
        body=body,
        language=invitation.language,
    )
