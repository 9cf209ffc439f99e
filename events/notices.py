"""E-mails to liaison officers. Called after the transaction commits, never from inside it."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from association.models import Association


def _officer_emails(city):
    return sorted({officer.email for officer in city.officers.current() if officer.email})


def state_changed(delegation_id):
    from events.models import Delegation

    delegation = Delegation.objects.select_related("event", "event__series", "city").get(pk=delegation_id)
    last = delegation.transitions.order_by("-at", "-id").first()
    recipients = _officer_emails(delegation.city)
    if not recipients:
        return
    with translation.override("zh-hans"):
        context = {"delegation": delegation, "event": delegation.event, "transition": last,
                   "association": Association.load(), "delegates": delegation.delegates.all()}
        subject = render_to_string("events/email/state_subject.txt", context).strip()
        body = render_to_string("events/email/state.txt", context)
    send_mail(subject, body, None, recipients)


def reminder(delegation):
    recipients = _officer_emails(delegation.city)
    if not recipients:
        return
    with translation.override("zh-hans"):
        context = {"delegation": delegation, "event": delegation.event, "association": Association.load()}
        subject = render_to_string("events/email/reminder_subject.txt", context).strip()
        body = render_to_string("events/email/reminder.txt", context)
    send_mail(subject, body, None, recipients)
