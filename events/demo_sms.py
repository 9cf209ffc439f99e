"""Demo SMS: the four approved templates, some officers with SMS on (and one who turned it off), and the text
messages of the demo's notices and registrations, sent through the console and receipted."""

import logging

from django.utils import timezone, translation

from core.phones import to_e164
from core.registry import sms_kinds
from core.sms import outbox
from core.sms.models import OutgoingSms, SmsTemplate
from events import contributions, sms
from events.models import Delegation, NoticeRecipient
from members.models import LiaisonOfficer

EVENTS_KINDS = (
    contributions.NOTICE_SMS,
    contributions.NOTICE_REMINDER_SMS,
    contributions.DELEGATION_SMS,
    contributions.REMINDER_SMS,
)


def load(log):
    if SmsTemplate.objects.exists():
        log("SMS: kept")
        return
    for number, kind in enumerate(EVENTS_KINDS, start=1):
        with translation.override("zh-hans"):
            text = str(sms_kinds()[kind.code].example)
        SmsTemplate.objects.create(
            kind=kind.code, text=text, aliyun_code=f"SMS_4791{number:05d}", tencent_id=f"{2187700 + number}"
        )
    officers = list(LiaisonOfficer.objects.current().filter(is_primary=True).exclude(mobile="").order_by("pk"))
    now = timezone.now()
    for officer in officers[::2]:  # every other city's officer has SMS on
        officer.sms_enabled, officer.sms_consent_at = True, now
        officer.sms_number = to_e164(officer.mobile)
        officer.save(update_fields=["sms_enabled", "sms_consent_at", "sms_number"])
    if len(officers) > 1:
        stopped = officers[1]  # and one turned it off on the desk
        stopped.sms_number, stopped.sms_opted_out_at = to_e164(stopped.mobile), now
        stopped.save(update_fields=["sms_number", "sms_opted_out_at"])
    for recipient in NoticeRecipient.objects.select_related("notice__event", "city")[:12]:
        sms.notice(recipient, key=f"meeting-notice:{recipient.notice_id}:city-{recipient.city_id}")
    for delegation in Delegation.objects.filter(city__isnull=False).select_related("event", "city")[:12]:
        transition = delegation.transitions.order_by("-pk").first()
        if transition is not None:
            sms.state_changed(delegation, transition)
    console = logging.getLogger("core.sms.providers")
    level = console.level
    console.setLevel(logging.WARNING)  # a line per demo message in `make run` is noise
    try:
        for message_id in OutgoingSms.objects.values_list("pk", flat=True):
            outbox.deliver(message_id)
        outbox.record_receipts()
    finally:
        console.setLevel(level)
    on = LiaisonOfficer.objects.filter(sms_enabled=True).count()
    log(f"SMS: {on} officers on, {OutgoingSms.objects.count()} sent")
