"""The portal with its real surroundings failing: the SMTP server, a worker, Redis. Nothing accepted is lost, nothing
is sent twice in normal operation, and no reader or officer gets a 5xx."""

import collections
import datetime
import time
import urllib.parse

import pytest
from django.utils import timezone

from config.celery import app as celery_app
from core import tasks
from core.models import OutgoingEmail
from events.models import Delegation
from tests.events.conftest import delegates
from tests.events.test_pages import form_data
from tests.factories import OutgoingEmailFactory
from tests.stack.conftest import session_for, wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.stack]

State = OutgoingEmail.State


def sent_once_each(stack, expected_ids):
    counts = collections.Counter(stack.smtp.message_ids())
    return set(counts) == set(expected_ids) and all(count == 1 for count in counts.values())


def pending_rows(n, **fields):
    """n e-mails waiting in the outbox whose delivery tasks were lost: the sweep's to pick up."""
    due = timezone.now() - datetime.timedelta(minutes=2)
    return [OutgoingEmailFactory(next_attempt_at=due, **fields) for _ in range(n)]


def queue_deliveries(url, rows, times=1):
    """Queue a delivery task for each row from the test process, on the stack's broker."""
    with celery_app.connection_for_write(url) as broker:
        for _ in range(times):
            for row in rows:
                tasks.deliver_email.apply_async((row.pk,), connection=broker, retry=False)


def test_registrations_with_smtp_down_are_kept_and_delivered_once_when_it_returns(stack, make_event, make_officer):
    stack.redis.start()
    stack.web()
    stack.worker()
    stack.beat()
    event = make_event(capacity=200)
    officers = [make_officer(f"city{n}") for n in range(20)]

    answers = [
        stack.request(
            "POST", f"/portal/events/{event.pk}/delegation/", form_data(delegates(2)), session=session_for(officer.user)
        )[0]
        for officer in officers
    ]

    assert answers == [302] * 20, stack.logs()
    assert Delegation.objects.count() == 20
    wait_for(
        lambda: OutgoingEmail.objects.filter(attempts__gte=1).count() == 20, 30, "the worker did not try the 20 notices"
    )
    assert OutgoingEmail.objects.filter(state=State.PENDING).count() == 20

    stack.smtp.start()
    returned = time.monotonic()
    expected = [row.message_id for row in OutgoingEmail.objects.all()]
    wait_for(lambda: len(stack.smtp.message_ids()) >= 20, 30, f"not all notices arrived\n{stack.logs()}")
    took = time.monotonic() - returned
    time.sleep(2)  # anything sent twice would arrive now
    assert sent_once_each(stack, expected), collections.Counter(stack.smtp.message_ids()).most_common(3)
    assert OutgoingEmail.objects.filter(state=State.SENT).count() == 20
    print(f"20 notices delivered {took:.1f} s after the SMTP server returned")


def test_two_workers_and_the_sweep_deliver_200_rows_once_each(stack):
    rows = pending_rows(200)
    stack.redis.start()
    stack.smtp.start()
    queue_deliveries(stack.redis.url, rows, times=2)  # every row queued twice, besides the sweep
    stack.worker("one")
    stack.worker("two")
    stack.beat()

    wait_for(lambda: len(stack.smtp.message_ids()) >= 200, 90, f"not all 200 arrived\n{stack.logs()}")
    time.sleep(3)
    assert sent_once_each(stack, [row.message_id for row in rows]), collections.Counter(
        stack.smtp.message_ids()
    ).most_common(3)
    assert OutgoingEmail.objects.filter(state=State.SENT).count() == 200


def test_a_worker_killed_mid_batch_loses_nothing(stack):
    rows = pending_rows(40)
    stack.redis.start()
    stack.smtp.start(seconds_per_message=0.2)
    queue_deliveries(stack.redis.url, rows)
    worker = stack.worker("doomed", concurrency=2)
    wait_for(lambda: len(stack.smtp.message_ids()) >= 8, 60, f"the worker sent nothing\n{stack.logs()}")

    worker.kill()
    unsent = OutgoingEmail.objects.filter(state=State.PENDING).count()
    assert unsent > 0, "the worker finished before it was killed: the test proved nothing"
    stack.worker("rescuer")
    stack.beat()

    wait_for(
        lambda: not OutgoingEmail.objects.filter(state=State.PENDING).exists(),
        120,
        f"{OutgoingEmail.objects.filter(state=State.PENDING).count()} e-mails still pending\n{stack.logs()}",
    )
    counts = collections.Counter(stack.smtp.message_ids())
    assert set(counts) == {row.message_id for row in rows}, "an e-mail was lost"
    # At least once: a message the server accepted as the worker died may come twice, never more than one per slot.
    assert sum(count - 1 for count in counts.values()) <= 2


def test_with_redis_stopped_the_site_serves_and_the_mail_follows_when_it_returns(stack, make_event, make_officer):
    stack.redis.start()
    stack.smtp.start()
    stack.web()
    stack.worker()
    stack.beat()
    event = make_event(title="联络工作会议")
    officer = make_officer("nanning")
    officer.user.set_password("a-long-password-1")
    officer.user.save()
    stack.redis.stop()

    for path in (
        "/",
        "/news/",
        "/events/",
        f"/events/{event.pk}/",
        "/search/?q=" + urllib.parse.quote("联络工作会议"),
        "/accounts/login/",
    ):
        status, _headers, _body = stack.request("GET", path)
        assert status == 200, (path, status)
    status, headers, _body = stack.request(
        "POST", "/accounts/login/", {"username": "nanning", "password": "a-long-password-1"}
    )
    assert (status, headers.get("Location")) == (302, "/portal/")
    signed_in = headers["Set-Cookie"].split("sessionid=")[1].split(";")[0]
    started = time.monotonic()
    status, headers, body = stack.request(
        "POST", f"/portal/events/{event.pk}/delegation/", form_data(delegates(2)), session=signed_in
    )
    assert (status, headers.get("Location")) == (302, f"/portal/events/{event.pk}/delegation/"), body[:2000]
    assert time.monotonic() - started < 5
    assert Delegation.objects.get().state == Delegation.State.CONFIRMED
    status, _headers, body = stack.request("GET", "/healthz/ready")
    assert status == 200 and '"status": "degraded"' in body and '"cache": {"status": "unavailable"' in body
    assert stack.smtp.message_ids() == []

    stack.redis.start()
    notice = OutgoingEmail.objects.get()
    wait_for(lambda: stack.smtp.message_ids() == [notice.message_id], 60, f"the notice did not go out\n{stack.logs()}")
    wait_for(lambda: '"status": "ok"' in stack.request("GET", "/healthz/ready")[2], 30, "readiness did not recover")
