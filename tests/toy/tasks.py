from celery import shared_task

from core import jobs
from core.mail import outbox
from tests.toy.contributions import POLICY_NOTICE
from tests.toy.models import Policy


@shared_task(ignore_result=True)
def announce_policies() -> str:
    with jobs.recorded_run(announce_policies) as summary:
        for policy in Policy.objects.published():
            outbox.enqueue(
                kind=POLICY_NOTICE.code,
                key=f"policy:{policy.pk}",
                to=["mishuchu@example.cn"],
                subject=policy.title,
                body=policy.body,
            )
        return summary(f"{Policy.objects.published().count()} announced")
