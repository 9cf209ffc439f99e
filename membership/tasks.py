"""Periodic jobs of membership, run by celery beat (declared in contributions.py)."""

from celery import shared_task
from django.utils.translation import gettext as _

from core import jobs
from membership.services import dues


@shared_task(ignore_result=True)
def send_dues_reminders() -> str:
    with jobs.recorded_run(send_dues_reminders) as summary:
        return summary(_("%(count)d dues reminder(s) sent") % {"count": dues.send_reminders()})
