"""Text messages about meetings to the liaison officers who turned SMS on, beside the e-mails of events/emails.py
and written in the same transaction. Providers send only approved templates, so each message is its kind's
parameters; the wording is the template's (core.sms)."""

from django.utils import timezone, translation
from django.utils.formats import date_format

from core.sms import outbox
from events import contributions

LANGUAGE = "zh-hans"  # the providers approve Chinese templates, and their parameters are written to match


def to_officers(city, *, kind, key, params):
    if outbox.active_template(kind.code) is None:
        return
    for officer in city.officers.current().filter(sms_enabled=True).exclude(sms_number=""):
        outbox.enqueue(kind=kind.code, key=f"{key}:sms:{officer.sms_number}", to=officer.sms_number, params=params)


def _when(moment, format_name):
    with translation.override(LANGUAGE):
        return date_format(timezone.localtime(moment), format_name)


def notice(recipient, *, key, reminder=False):
    notice = recipient.notice
    kind = contributions.NOTICE_REMINDER_SMS if reminder else contributions.NOTICE_SMS
    params = {"event": notice.event.title, "reply_by": _when(notice.reply_by, "SHORT_DATETIME_FORMAT")}
    to_officers(recipient.city, kind=kind, key=key, params=params)


def state_changed(delegation, transition):
    if not delegation.city_id:
        return
    with translation.override(LANGUAGE):
        state = str(delegation.get_state_display())
    params = {"event": delegation.event.title, "state": state}
    to_officers(
        delegation.city, kind=contributions.DELEGATION_SMS, key=f"delegation-transition:{transition.pk}", params=params
    )


def reminder(delegation):
    if not delegation.city_id:
        return
    params = {"event": delegation.event.title, "starts": _when(delegation.event.starts_at, "SHORT_DATETIME_FORMAT")}
    to_officers(
        delegation.city, kind=contributions.REMINDER_SMS, key=f"reminder:delegation-{delegation.pk}", params=params
    )
