"""A reader subscribes, confirms and unsubscribes in one click, with every e-mail going through the outbox, a real
Celery worker and a local SMTP server; an address the SMTP server refuses for good is mailed no more."""

import email.header
import http.client
import re
import urllib.parse

import pytest

from publications.models import Issue
from subscriptions.models import Subscriber
from tests.factories import IssueFactory, PeriodicalFactory
from tests.stack.conftest import wait_for

pytestmark = [pytest.mark.stack]


def text_of(message):
    return message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")


def subject_of(message):
    return str(email.header.make_header(email.header.decode_header(message["Subject"])))


def mails_to(stack, address):
    return [message for message in stack.smtp.messages() if address in message["To"]]


def publish_issue(stack, periodical, number):
    """An issue dated tomorrow (not announced by the test process), then made due and announced by the stack's
    own `manage.py announce_issues`, which queues the e-mails for the stack's worker."""
    import datetime

    from django.utils import timezone

    issue = IssueFactory(
        periodical=periodical, year=2026, number=number, published_on=timezone.localdate() + datetime.timedelta(days=1)
    )
    Issue.objects.filter(pk=issue.pk).update(published_on=timezone.localdate())
    stack.manage("announce_issues")
    return issue


def one_click(port, url):
    """What a mail program's unsubscribe button does (RFC 8058): a POST without cookies or a page."""
    path = urllib.parse.urlsplit(url.strip().strip("<>")).path  # the header may be folded
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(
            "POST",
            path,
            body="List-Unsubscribe=One-Click",
            headers={"Content-Type": "application/x-www-form-urlencoded", "Host": f"127.0.0.1:{port}"},
        )
        return conn.getresponse().status
    finally:
        conn.close()


def test_double_opt_in_announcement_and_one_click_unsubscribe_through_smtp(stack):
    stack.redis.start()
    stack.smtp.start()
    stack.web()
    stack.worker()
    periodical = PeriodicalFactory(name="广西市长", slug="huikan")

    status, _headers, body = stack.request(
        "POST",
        "/subscribe/",
        {"email": "reader@example.cn", "periodicals": periodical.pk, "frequency": "weekly", "consent": "on"},
    )
    assert status == 302, body[-2000:]
    wait_for(lambda: mails_to(stack, "reader@example.cn"), 30, f"no confirmation arrived\n{stack.logs()}")

    confirmation = mails_to(stack, "reader@example.cn")[0]
    assert confirmation["List-Unsubscribe"] is None
    link = re.search(r"https?://\S+/subscribe/confirm/\S+/", text_of(confirmation)).group(0)
    status, _headers, _body = stack.request("POST", urllib.parse.urlsplit(link).path, {})
    assert status == 302
    assert Subscriber.objects.get().state == Subscriber.State.ACTIVE

    publish_issue(stack, periodical, 3)
    wait_for(lambda: len(mails_to(stack, "reader@example.cn")) == 2, 30, f"no announcement arrived\n{stack.logs()}")
    announcement = next(m for m in mails_to(stack, "reader@example.cn") if m["List-Unsubscribe"])
    assert "2026年第3期" in subject_of(announcement)
    assert announcement["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    assert one_click(stack.web_port, announcement["List-Unsubscribe"]) == 200
    assert Subscriber.objects.get().state == Subscriber.State.UNSUBSCRIBED

    publish_issue(stack, periodical, 4)
    assert Issue.objects.get(number=4).announced_at is not None
    assert len(mails_to(stack, "reader@example.cn")) == 2


def test_an_address_refused_for_good_is_marked_bounced(stack):
    stack.redis.start()
    stack.smtp.start()
    stack.web()
    stack.worker()
    periodical = PeriodicalFactory()

    status, _headers, _body = stack.request(
        "POST",
        "/subscribe/",
        {"email": "refused@example.cn", "periodicals": periodical.pk, "frequency": "weekly", "consent": "on"},
    )

    assert status == 302
    wait_for(
        lambda: Subscriber.objects.get().state == Subscriber.State.BOUNCED,
        30,
        f"the refusal did not stop the address\n{stack.logs()}",
    )
    assert stack.smtp.messages() == []
