"""Digests and announcements: what each subscriber receives, once, in their language, with one-click unsubscribe."""

import datetime
import time

import pytest
from django.core import mail
from django.utils import timezone

from core.mail import outbox
from core.models import OutgoingEmail
from events.models import Event
from subscriptions import services
from subscriptions.models import Subscriber
from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    EventFactory,
    IssueFactory,
    PeriodicalFactory,
    SubscriberFactory,
)

pytestmark = pytest.mark.django_db

MONDAY = timezone.make_aware(datetime.datetime(2026, 11, 30, 7, 0))
TUESDAY = MONDAY + datetime.timedelta(days=1)


@pytest.fixture
def sections():
    parent = CategoryFactory(name="协会动态", name_en="Association news", slug="association-news")
    child = CategoryFactory(name="联络工作", slug="liaison-work", parent=parent)
    other = CategoryFactory(name="城市交流", slug="city-exchange")
    return parent, child, other


def digests():
    return {message.to[0]: message for message in OutgoingEmail.objects.filter(kind="digest")}


def test_a_weekly_digest_lists_the_weeks_articles_of_the_followed_sections_and_those_below_them(sections):
    parent, child, other = sections
    ArticleFactory(title="本周的联络工作新闻", category=child, publish_at=MONDAY - datetime.timedelta(days=2))
    ArticleFactory(title="上个月的旧闻", category=child, publish_at=MONDAY - datetime.timedelta(days=30))
    ArticleFactory(title="别的栏目", category=other, publish_at=MONDAY - datetime.timedelta(days=1))
    ArticleFactory(title="草稿不发", category=parent, draft=True, publish_at=MONDAY - datetime.timedelta(days=1))
    SubscriberFactory(email="a@example.cn", categories=[parent])

    assert services.send_digests(now=MONDAY) == 1

    body = digests()["a@example.cn"].body
    assert "本周的联络工作新闻" in body
    assert "上个月的旧闻" not in body and "别的栏目" not in body and "草稿不发" not in body


def test_a_digest_carries_one_click_unsubscribe_headers(sections):
    ArticleFactory(category=sections[0], publish_at=MONDAY - datetime.timedelta(hours=3))
    subscriber = SubscriberFactory(categories=[sections[0]])

    services.send_digests(now=MONDAY)

    message = OutgoingEmail.objects.get(kind="digest")
    email = outbox.as_email_message(message)
    assert (
        email.extra_headers["List-Unsubscribe"] == f"<http://127.0.0.1:8000/subscribe/unsubscribe/{subscriber.token}/>"
    )
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f"/subscribe/settings/{subscriber.token}/" in message.body


def test_only_confirmed_subscribers_receive_and_nobody_gets_an_empty_digest(sections):
    parent, _child, other = sections
    ArticleFactory(category=parent, publish_at=MONDAY - datetime.timedelta(hours=3))
    SubscriberFactory(email="yes@example.cn", categories=[parent])
    SubscriberFactory(email="pending@example.cn", categories=[parent], pending=True)
    SubscriberFactory(email="gone@example.cn", categories=[parent], state=Subscriber.State.UNSUBSCRIBED)
    SubscriberFactory(email="bounced@example.cn", categories=[parent], state=Subscriber.State.BOUNCED)
    SubscriberFactory(email="nothing-new@example.cn", categories=[other])

    services.send_digests(now=MONDAY)

    assert set(digests()) == {"yes@example.cn"}


def test_weekly_digests_go_on_mondays_daily_ones_every_day_and_a_second_run_writes_nothing(sections):
    parent = sections[0]
    ArticleFactory(category=parent, publish_at=TUESDAY - datetime.timedelta(hours=2))
    SubscriberFactory(email="daily@example.cn", categories=[parent], frequency=Subscriber.Frequency.DAILY)
    SubscriberFactory(email="weekly@example.cn", categories=[parent])

    services.send_digests(now=TUESDAY)
    services.send_digests(now=TUESDAY)

    assert set(digests()) == {"daily@example.cn"}
    assert OutgoingEmail.objects.filter(kind="digest").count() == 1


def test_digests_come_in_the_subscribers_language(sections):
    parent = sections[0]
    ArticleFactory(
        category=parent,
        title="联络工作会议召开",
        title_en="Liaison conference held",
        publish_at=MONDAY - datetime.timedelta(hours=2),
    )
    SubscriberFactory(email="en@example.cn", categories=[parent], language="en")
    SubscriberFactory(email="hant@example.cn", categories=[parent], language="zh-hant")

    services.send_digests(now=MONDAY)

    sent = digests()
    assert "Liaison conference held" in sent["en@example.cn"].body and "Association news" in sent["en@example.cn"].body
    assert "聯絡工作會議召開" in sent["hant@example.cn"].body and "协会" not in sent["hant@example.cn"].subject


def test_new_meetings_are_in_the_digest_of_those_who_follow_meetings():
    event = EventFactory(title="2027年会员大会")
    Event.objects.filter(pk=event.pk).update(published_at=MONDAY - datetime.timedelta(days=1))
    EventFactory(title="未发布的会议", draft=True)
    SubscriberFactory(email="meetings@example.cn", events=True)

    services.send_digests(now=MONDAY)

    body = digests()["meetings@example.cn"].body
    assert "2027年会员大会" in body and "未发布的会议" not in body and f"/events/{event.pk}/" in body


def test_a_new_issue_is_announced_once_to_its_periodicals_subscribers(django_capture_on_commit_callbacks):
    periodical = PeriodicalFactory(name="广西市长")
    SubscriberFactory(email="follows@example.cn", periodicals=[periodical])
    SubscriberFactory(email="other@example.cn", periodicals=[PeriodicalFactory()])
    SubscriberFactory(email="gone@example.cn", periodicals=[periodical], state=Subscriber.State.UNSUBSCRIBED)

    with django_capture_on_commit_callbacks(execute=True):
        issue = IssueFactory(periodical=periodical, year=2026, number=4)
    with django_capture_on_commit_callbacks(execute=True):
        issue.title = "改了主题"
        issue.save()
    services.announce_issue(issue)

    announcements = OutgoingEmail.objects.filter(kind="announcement")
    assert [message.to for message in announcements] == [["follows@example.cn"]]
    assert [message.to for message in mail.outbox] == [["follows@example.cn"]]  # delivered once committed
    assert "/publications/" in mail.outbox[0].body and "2026年第4期" in mail.outbox[0].subject
    assert mail.outbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    issue.refresh_from_db()
    assert issue.announced_at is not None


def test_an_issue_dated_later_is_announced_on_its_day_by_the_periodic_task(django_capture_on_commit_callbacks):
    from subscriptions import tasks

    periodical = PeriodicalFactory()
    SubscriberFactory(periodicals=[periodical])
    with django_capture_on_commit_callbacks(execute=True):
        issue = IssueFactory(periodical=periodical, published_on=timezone.localdate() + datetime.timedelta(days=2))
    assert not OutgoingEmail.objects.exists()

    type(issue).objects.filter(pk=issue.pk).update(published_on=timezone.localdate())
    tasks.announce_new_issues()

    assert OutgoingEmail.objects.filter(kind="announcement").count() == 1


def test_an_address_the_mail_server_refuses_for_good_receives_nothing_more(
    sections, settings, monkeypatch, django_capture_on_commit_callbacks
):
    import smtplib

    subscriber = SubscriberFactory(email="nobody@example.cn", categories=[sections[0]])
    ArticleFactory(category=sections[0], publish_at=MONDAY - datetime.timedelta(hours=1))
    services.send_digests(now=MONDAY)
    message = OutgoingEmail.objects.get()

    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPRecipientsRefused({"nobody@example.cn": (550, b"No such user")})

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        outbox.deliver(message.pk)

    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.BOUNCED and subscriber.bounced_at
    assert services.send_digests(now=MONDAY + datetime.timedelta(days=7)) == 0


def test_a_digest_for_ten_thousand_subscribers_goes_into_the_outbox_in_batches(sections):
    parent = sections[0]
    ArticleFactory(category=parent, publish_at=MONDAY - datetime.timedelta(hours=1))
    now = timezone.now()
    Subscriber.objects.bulk_create(
        Subscriber(
            email=f"reader{n}@example.cn",
            token=f"token-{n}",
            state=Subscriber.State.ACTIVE,
            consent_statement="同意",
            consent_at=now,
        )
        for n in range(10_000)
    )
    through = Subscriber.categories.through
    through.objects.bulk_create(
        through(subscriber_id=pk, category_id=parent.pk) for pk in Subscriber.objects.values_list("pk", flat=True)
    )

    started = time.perf_counter()
    written = services.send_digests(now=MONDAY)
    took = time.perf_counter() - started

    assert written == 10_000
    assert OutgoingEmail.objects.filter(kind="digest", state=OutgoingEmail.State.PENDING).count() == 10_000
    print(f"10,000 digests written to the outbox in {took:.1f} s")
