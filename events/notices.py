"""E-mails to liaison officers. Called after the transaction commits, never from inside it."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from core import site


def _send_to_officers(city, template, context):
    """One e-mail per language the city's current officers read (each officer chooses theirs)."""
    by_language = {}
    for officer in city.officers.current():
        if officer.email:
            by_language.setdefault(officer.email_language, set()).add(officer.email)
    for language, recipients in sorted(by_language.items()):
        with translation.override(language):
            subject = render_to_string(f"events/email/{template}_subject.txt", context).strip()
            body = render_to_string(f"events/email/{template}.txt", context)
        send_mail(subject, body, None, sorted(recipients))


def state_changed(delegation_id):
    from events.models import Delegation

    delegation = Delegation.objects.select_related("event", "event__series", "city").get(pk=delegation_id)
    context = {"delegation": delegation, "event": delegation.event, "association": site.profile(),
               "transition": delegation.transitions.order_by("-at", "-id").first(), "delegates": delegation.delegates.all()}
    _send_to_officers(delegation.city, "state", context)


def reminder(delegation):
    context = {"delegation": delegation, "event": delegation.event, "association": site.profile()}
    _send_to_officers(delegation.city, "reminder", context)
