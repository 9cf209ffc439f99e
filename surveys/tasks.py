"""Periodic jobs of the questionnaires, run by celery beat (declared in contributions.py)."""

from celery import shared_task
from django.utils.translation import gettext as _

from core import jobs
from surveys import services


@shared_task(ignore_result=True)
def send_questionnaire_reminders() -> str:
    with jobs.recorded_run(send_questionnaire_reminders) as summary:
        return summary(_("%(count)d questionnaire reminder(s) sent") % {"count": services.reminders_send()})
