"""The API's periodic job, run by celery beat (declared in contributions.py)."""

from celery import shared_task
from django.utils.translation import gettext as _

from api import usage
from core import jobs


@shared_task(ignore_result=True)  # type: ignore[untyped-decorator]
def record_usage() -> str:
    with jobs.recorded_run(record_usage) as summary:
        return summary(_("%(count)d API request(s) recorded") % {"count": usage.record()})
