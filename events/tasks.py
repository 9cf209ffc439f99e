"""Periodic jobs of events, run by celery beat (declared in contributions.py) or by their management commands."""

from celery import shared_task
from django.utils.translation import gettext as _

from core import jobs
from events import services


@shared_task(ignore_result=True)
def send_event_reminders() -> str:
    with jobs.recorded_run(send_event_reminders) as summary:
        return summary(_("%(count)d reminder(s) written to the outbox") % {"count": services.reminders_send_due()})


@shared_task(ignore_result=True)
def purge_delegate_data(days: int | None = None) -> str:
    with jobs.recorded_run(purge_delegate_data) as summary:
        purged = services.delegate_data_purge(days=days)
        return summary(
            _(
                "Contact and travel details erased for %(count)d delegate(s), and %(texts)d remark(s) or "
                "reason(s) emptied, of events that ended before %(date)s."
            )
            % {"count": purged.delegates, "texts": purged.texts, "date": f"{purged.cutoff:%Y-%m-%d}"}
        )
