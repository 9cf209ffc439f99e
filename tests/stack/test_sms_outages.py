"""The SMS outbox with real Celery workers and a provider process (tests/sms_provider.py): workers racing over the
same rows send each message once, and a worker killed mid-batch loses none. Each message is recognised by its key,
which the provider receives as Aliyun's OutId."""

import collections
import datetime
import json
import sys

from django.utils import timezone

from config.celery import app as celery_app
from core import tasks
from core.sms.models import OutgoingSms
from tests.factories import OutgoingSmsFactory, SmsTemplateFactory
from tests.ports import free_port
from tests.sms_provider import provider_url
from tests.stack.processes import ROOT, accepts, wait_for
from tests.stack.test_outages import pytestmark  # noqa: F401  (PostgreSQL and the stack marker)

State = OutgoingSms.State


class ProviderProcess:
    def __init__(self, stack, delay=0.0):
        self.port = free_port()
        self.folder = stack.tmp / "sms"
        stack.start(
            "sms-provider",
            # -P: the script's folder (tests/, with its html.py) must not hide the standard library's
            [sys.executable, "-P", str(ROOT / "tests/sms_provider.py"), str(self.port), str(self.folder), str(delay)],
        )
        wait_for(lambda: accepts(self.port), 10, "the SMS provider did not start")
        self.url = provider_url("aliyun", self.port)

    def keys(self):
        return [json.loads(path.read_text())["key"] for path in self.folder.glob("*.json")]


def pending_sms(n):
    SmsTemplateFactory(kind="meeting_notice")
    due = timezone.now() - datetime.timedelta(minutes=2)
    return [OutgoingSmsFactory(next_attempt_at=due) for _ in range(n)]


def queue(url, rows, times=1):
    with celery_app.connection_for_write(url) as broker:
        for _ in range(times):
            for row in rows:
                tasks.deliver_sms.apply_async((row.pk,), connection=broker, retry=False)


def test_two_workers_and_the_sweep_send_100_messages_once_each(stack):
    rows = pending_sms(100)
    provider = ProviderProcess(stack)
    stack.redis.start()
    queue(stack.redis.url, rows, times=2)
    stack.worker("one", SMS_URL=provider.url)
    stack.worker("two", SMS_URL=provider.url)
    stack.beat(SMS_URL=provider.url)

    try:
        wait_for(lambda: len(provider.keys()) >= 100, 90, "not all 100 arrived")
    except AssertionError:
        states = collections.Counter(OutgoingSms.objects.values_list("state", "last_error"))
        raise AssertionError(f"{len(provider.keys())} arrived; {states}\n{stack.logs()}") from None
    wait_for(lambda: OutgoingSms.objects.filter(state=State.SENT).count() == 100, 30, "rows not marked sent")
    counts = collections.Counter(provider.keys())
    assert set(counts) == {row.key for row in rows} and max(counts.values()) == 1, counts.most_common(3)


def test_a_worker_killed_mid_batch_loses_no_message(stack):
    rows = pending_sms(40)
    provider = ProviderProcess(stack, delay=0.2)
    stack.redis.start()
    queue(stack.redis.url, rows)
    worker = stack.worker("doomed", concurrency=2, SMS_URL=provider.url)
    wait_for(lambda: len(provider.keys()) >= 8, 60, f"the worker sent nothing\n{stack.logs()}")

    worker.kill()
    assert OutgoingSms.objects.filter(state=State.PENDING).exists(), "the worker finished first: nothing proved"
    stack.worker("rescuer", SMS_URL=provider.url)
    stack.beat(SMS_URL=provider.url)

    wait_for(
        lambda: not OutgoingSms.objects.filter(state=State.PENDING).exists(),
        120,
        f"{OutgoingSms.objects.filter(state=State.PENDING).count()} messages still pending\n{stack.logs()}",
    )
    counts = collections.Counter(provider.keys())
    assert set(counts) == {row.key for row in rows}, "a message was lost"
    assert sum(count - 1 for count in counts.values()) <= 2  # at least once: one per slot of the killed worker
