"""Celery tasks of the shared infrastructure: the outbox sweep, scanning published content, forgetting old records.
The delivery task itself lives beside the outbox (core/mail/outbox.py) and is imported here, where workers find it."""

import logging

from celery import shared_task
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core import integrity, jobs
from core.mail import outbox
from core.mail.outbox import deliver_email  # noqa: F401  (defined beside the outbox; autodiscovered from here)
from core.sms import outbox as sms_outbox
from core.sms.outbox import deliver_sms  # noqa: F401
from core.web import security

logger = logging.getLogger(__name__)

SWEEP_OUTCOMES = {
    "sent": gettext_lazy("sent %(count)d"),
    "retrying": gettext_lazy("to retry %(count)d"),
    "failed": gettext_lazy("failed %(count)d"),
    "skipped": gettext_lazy("skipped %(count)d"),
}


@shared_task(ignore_result=True)  # type: ignore[untyped-decorator]
def sweep_outbox() -> str:
    """Periodic jobs return their summary, which is also recorded (and printed by their cron commands)."""
    with jobs.recorded_run(sweep_outbox) as summary:
        counts = outbox.sweep()
        return summary(", ".join(str(SWEEP_OUTCOMES[name]) % {"count": count} for name, count in counts.items()))


@shared_task(ignore_result=True)  # type: ignore[untyped-decorator]
def forget_sent_emails() -> str:
    with jobs.recorded_run(forget_sent_emails) as summary:
        return summary(
            _("%(count)d e-mail(s) and %(sms)d text message(s) deleted")
            % {"count": outbox.forget_sent(), "sms": sms_outbox.forget_sent()}
        )


@shared_task(ignore_result=True)  # type: ignore[untyped-decorator]
def sweep_sms() -> str:
    with jobs.recorded_run(sweep_sms) as summary:
        counts = sms_outbox.sweep()
        return summary(", ".join(str(SWEEP_OUTCOMES[name]) % {"count": count} for name, count in counts.items()))


@shared_task(ignore_result=True)  # type: ignore[untyped-decorator]
def sms_receipts() -> str:
    """Delivery receipts and "stop" replies from the providers."""
    with jobs.recorded_run(sms_receipts) as summary:
        return summary(
            _("%(receipts)d receipt(s), %(stops)d opt-out(s)")
            % {"receipts": sms_outbox.record_receipts(), "stops": sms_outbox.pull_replies()}
        )


def content_scan() -> list[integrity.Finding]:
    """Scan what is published (core/integrity.py); each finding goes to the security log, the count to the record
    of periodic jobs."""
    with jobs.recorded_run(scan_content) as summary:
        findings = list(integrity.scan())
        for finding in findings:
            security.record("content", detail=str(finding))
        summary(
            ngettext("%(count)d finding", "%(count)d findings", len(findings)) % {"count": len(findings)}
            + "".join(f"; {finding}" for finding in findings[:3])
        )
    return findings


@shared_task(ignore_result=True)  # type: ignore[untyped-decorator]
def scan_content() -> str:
    findings = content_scan()
    return ngettext("%(count)d finding", "%(count)d findings", len(findings)) % {"count": len(findings)}


@shared_task(ignore_result=True)  # type: ignore[untyped-decorator]
def forget_security_events() -> str:
    with jobs.recorded_run(forget_security_events) as summary:
        return summary(
            _("%(count)d security event(s) older than %(days)d days deleted")
            % {"count": security.forget_old_events(), "days": settings.SECURITY_LOG_KEEP_DAYS}
        )
