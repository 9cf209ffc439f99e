"""Periodic jobs of events, run by celery beat (settings.CELERY_BEAT_SCHEDULE) or by their management commands."""

from celery import shared_task
from django.utils.translation import gettext as _

from core import jobs
from events import services

EVENT_REMINDERS = "event-reminders"
DELEGATE_DATA_PURGE = "delegate-data-purge"


@shared_task(ignore_result=True)
def send_event_reminders() -> str:
    with jobs.recorded_run(EVENT_REMINDERS) as summary:
        return summary(_("%(count)d reminder(s) written to the outbox") % {"count": services.reminders_send_due()})


@shared_task(ignore_result=True)
def purge_delegate_data(days: int | None = None) -> str:
    with jobs.recorded_run(DELEGATE_DATA_PURGE) as summary:
        purged = services.delegate_data_purge(days=days)
        return summary(_("Contact and travel details erased for %(count)d delegate(s), and %(texts)d remark(s) or "
                         "reason(s) emptied, of events that ended before %(date)s.")
                       % {"count": purged.delegates, "texts": purged.texts, "date": f"{purged.cutoff:%Y-%m-%d}"})
