"""E-mails to liaison officers, written to the outbox inside the transaction of the change they report."""

from core import outbox, site


def _to_officers(city, *, kind, key, template, context):
    """One e-mail per language the city's current officers read (each officer chooses theirs)."""
    by_language = {}
    for officer in city.officers.current():
        if officer.email:
            by_language.setdefault(officer.email_language, set()).add(officer.email)
    for language, recipients in sorted(by_language.items()):
        subject, body = outbox.compose(f"events/email/{template}", context, language)
        outbox.enqueue(kind=kind, key=f"{key}:{language}", to=recipients, subject=subject, body=body, language=language)


def state_changed(delegation, transition):
    context = {"delegation": delegation, "event": delegation.event, "association": site.profile(),
               "transition": transition, "delegates": list(delegation.delegates.all())}
    _to_officers(delegation.city, kind=outbox.Kind.DELEGATION, key=f"delegation-transition:{transition.pk}",
                 template="state", context=context)


def reminder(delegation):
    context = {"delegation": delegation, "event": delegation.event, "association": site.profile()}
    _to_officers(delegation.city, kind=outbox.Kind.REMINDER, key=f"reminder:delegation-{delegation.pk}",
                 template="reminder", context=context)
