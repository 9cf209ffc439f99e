"""Periodic jobs of news, run by celery beat (declared in contributions.py) or by their management commands."""

from celery import shared_task
from django.utils.translation import gettext as _

from core import jobs
from news import services


@shared_task(ignore_result=True)
def flush_view_counts() -> str:
    with jobs.recorded_run(flush_view_counts) as summary:
        return summary(_("%(count)d view(s) added to their articles") % {"count": services.view_counts_flush()})


@shared_task(ignore_result=True)
def sweep_unplaced_images() -> str:
    with jobs.recorded_run(sweep_unplaced_images) as summary:
        return summary(
            _("%(count)d image(s) uploaded into articles never saved deleted")
            % {"count": services.unplaced_images_sweep()}
        )
