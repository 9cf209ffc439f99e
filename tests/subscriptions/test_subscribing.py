"""Subscribing with double opt-in, changing and ending a subscription, and what each step writes to the outbox."""

import pytest
from django.core import mail

from core.models import OutgoingEmail
from subscriptions.models import Subscriber
from tests.factories import CategoryFactory, PeriodicalFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def topics():
    return CategoryFactory(name="联络工作", slug="liaison-work"), PeriodicalFactory(name="广西市长", slug="huikan")


def form(topics, **extra):
    category, periodical = topics
    return {
        "email": "Reader@Example.cn",
        "categories": [category.pk],
        "periodicals": [periodical.pk],
        "frequency": "weekly",
        "consent": "on",
        **extra,
    }


def test_subscribing_writes_a_confirmation_and_nothing_else_until_it_is_followed(client, topics):
    response = client.post("/subscribe/", form(topics))

    subscriber = Subscriber.objects.get()
    message = OutgoingEmail.objects.get()
    assert response.status_code == 302 and response["Location"] == "/subscribe/sent/"
    assert subscriber.email == "reader@example.cn" and subscriber.state == Subscriber.State.PENDING
    assert subscriber.consent_statement and subscriber.consent_at
    assert list(subscriber.categories.all()) == [topics[0]] and list(subscriber.periodicals.all()) == [topics[1]]
    assert message.to == ["reader@example.cn"] and message.kind == "subscription"
    assert f"/subscribe/confirm/{subscriber.token}/" in message.body


def test_opening_the_confirmation_link_does_not_confirm_pressing_the_button_does(client, topics):
    client.post("/subscribe/", form(topics))
    subscriber = Subscriber.objects.get()

    page = client.get(f"/subscribe/confirm/{subscriber.token}/")
    subscriber.refresh_from_db()
    assert page.status_code == 200 and subscriber.state == Subscriber.State.PENDING

    pressed = client.post(f"/subscribe/confirm/{subscriber.token}/")
    subscriber.refresh_from_db()
    assert pressed.status_code == 302 and subscriber.state == Subscriber.State.ACTIVE and subscriber.confirmed_at

    confirmed = client.get(pressed["Location"]).content.decode()  # says so, then the choices
    assert "订阅已确认" in confirmed and "reader@example.cn" in confirmed
    assert confirmed.index("订阅已确认") < confirmed.index('name="frequency"') < confirmed.index("退订全部内容")
    assert "订阅已确认" not in client.get(f"/subscribe/settings/{subscriber.token}/").content.decode()


def test_the_page_says_the_same_for_a_subscribed_address_and_sends_its_owner_the_settings_link(client, topics):
    category, _periodical = topics
    subscriber = SubscriberFactory(email="reader@example.cn", categories=[category])
    other = CategoryFactory()

    response = client.post("/subscribe/", form(topics, categories=[other.pk]))

    subscriber.refresh_from_db()
    message = OutgoingEmail.objects.get()
    assert response["Location"] == "/subscribe/sent/"
    assert list(subscriber.categories.all()) == [category]  # a stranger cannot change what the owner receives
    assert f"/subscribe/settings/{subscriber.token}/" in message.body and "confirm" not in message.body


def test_the_address_is_never_shown_on_a_page(client, topics):
    client.post("/subscribe/", form(topics))
    subscriber = Subscriber.objects.get()
    client.post(f"/subscribe/confirm/{subscriber.token}/")

    pages = [
        client.get(url).content.decode()
        for url in (
            "/subscribe/sent/",
            f"/subscribe/confirm/{subscriber.token}/",
            f"/subscribe/settings/{subscriber.token}/",
            f"/subscribe/unsubscribe/{subscriber.token}/",
        )
    ]

    assert all("reader@example.cn" not in page and "Reader@Example.cn" not in page for page in pages)


@pytest.mark.parametrize(
    "change, message",
    [
        ({"email": "not-an-address"}, "有效的 Email 地址"),
        ({"consent": ""}, "个人信息保护说明"),
        ({"categories": [], "periodicals": [], "events": ""}, "至少选择"),
        ({"frequency": "hourly"}, "选择一个有效的选项"),
    ],
)
def test_bad_input_is_a_400_with_a_message_and_changes_nothing(client, topics, change, message):
    response = client.post("/subscribe/", form(topics, **change))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Subscriber.objects.exists() and not OutgoingEmail.objects.exists()


def test_too_many_requests_for_one_address_are_refused(client, topics, settings):
    settings.SUBSCRIBE_LIMIT_PER_HOUR = 2
    statuses = [client.post("/subscribe/", form(topics)).status_code for _ in range(3)]

    assert statuses == [302, 302, 429]


def test_settings_change_what_is_followed(client, topics):
    category, periodical = topics
    subscriber = SubscriberFactory(categories=[category])

    response = client.post(
        f"/subscribe/settings/{subscriber.token}/",
        {"periodicals": [periodical.pk], "events": "on", "frequency": "daily"},
    )

    subscriber.refresh_from_db()
    assert response.status_code == 200
    assert list(subscriber.categories.all()) == [] and list(subscriber.periodicals.all()) == [periodical]
    assert subscriber.events and subscriber.frequency == "daily"


def test_an_unknown_link_is_a_404(client):
    assert client.get("/subscribe/settings/nope/").status_code == 404
    assert client.post("/subscribe/unsubscribe/nope/", {"List-Unsubscribe": "One-Click"}).status_code == 404


def test_unsubscribing_asks_first_on_a_page_and_works_in_one_click_from_a_mail_program(client):
    by_page = SubscriberFactory()
    by_mail_program = SubscriberFactory()

    client.get(f"/subscribe/unsubscribe/{by_page.token}/")
    by_page.refresh_from_db()
    assert by_page.state == Subscriber.State.ACTIVE
    client.post(f"/subscribe/unsubscribe/{by_page.token}/")
    one_click = client.post(f"/subscribe/unsubscribe/{by_mail_program.token}/", {"List-Unsubscribe": "One-Click"})

    by_page.refresh_from_db()
    by_mail_program.refresh_from_db()
    assert by_page.state == by_mail_program.state == Subscriber.State.UNSUBSCRIBED
    assert one_click.status_code == 200 and one_click["Content-Type"].startswith("text/plain")


def test_one_click_unsubscribe_needs_no_csrf_token(topics):
    from django.test import Client

    subscriber = SubscriberFactory()
    response = Client(enforce_csrf_checks=True).post(
        f"/subscribe/unsubscribe/{subscriber.token}/", {"List-Unsubscribe": "One-Click"}
    )

    subscriber.refresh_from_db()
    assert response.status_code == 200 and subscriber.state == Subscriber.State.UNSUBSCRIBED


def test_an_unsubscribed_reader_can_subscribe_again_with_a_new_confirmation(client, topics):
    subscriber = SubscriberFactory(email="reader@example.cn", state=Subscriber.State.UNSUBSCRIBED)

    client.post("/subscribe/", form(topics))

    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.PENDING
    assert f"/subscribe/confirm/{subscriber.token}/" in OutgoingEmail.objects.get().body


def test_a_bounced_address_is_sent_nothing(client, topics):
    SubscriberFactory(email="reader@example.cn", state=Subscriber.State.BOUNCED)

    response = client.post("/subscribe/", form(topics))

    assert response.status_code == 302 and not OutgoingEmail.objects.exists() and not mail.outbox


def test_the_subscribe_page_renders_in_each_language(client, topics):
    for prefix in ("", "/zh-hant", "/en"):
        response = client.get(f"{prefix}/subscribe/")
        assert response.status_code == 200
        assert "/about/privacy/" in response.content.decode()


def test_unconfirmed_addresses_are_deleted_after_the_confirmation_period(settings):
    import datetime

    from django.utils import timezone

    from subscriptions import services

    settings.SUBSCRIBE_CONFIRM_DAYS = 7
    old = SubscriberFactory(pending=True, consent_at=timezone.now() - datetime.timedelta(days=8))
    recent = SubscriberFactory(pending=True)
    confirmed = SubscriberFactory(consent_at=timezone.now() - datetime.timedelta(days=30))

    assert services.forget_unconfirmed() == 1
    assert set(Subscriber.objects.all()) == {recent, confirmed} and old.email


def test_an_address_that_left_is_forgotten_after_the_forget_period_and_its_old_links_still_answer(
    client, topics, settings
):
    import datetime

    from django.utils import timezone

    from subscriptions import services

    settings.SUBSCRIPTION_FORGET_DAYS = 90
    category, _periodical = topics
    old = timezone.now() - datetime.timedelta(days=91)
    left = SubscriberFactory(email="left@example.cn", categories=[category], state=Subscriber.State.UNSUBSCRIBED)
    bounced = SubscriberFactory(email="bounced@example.cn", state=Subscriber.State.BOUNCED)
    recent = SubscriberFactory(email="recent@example.cn", state=Subscriber.State.UNSUBSCRIBED)
    SubscriberFactory(email="staying@example.cn", categories=[category])
    Subscriber.objects.filter(pk=left.pk).update(unsubscribed_at=old)
    Subscriber.objects.filter(pk=bounced.pk).update(bounced_at=old)
    Subscriber.objects.filter(pk=recent.pk).update(unsubscribed_at=timezone.now() - datetime.timedelta(days=89))

    assert services.forget_unsubscribed() == 2
    assert services.forget_unsubscribed() == 0  # once

    emails = set(Subscriber.objects.values_list("email", flat=True))
    assert "left@example.cn" not in emails and "bounced@example.cn" not in emails
    assert {"recent@example.cn", "staying@example.cn"} <= emails
    left.refresh_from_db()
    assert left.forgotten_at and not left.categories.exists() and left.email.endswith("@forgotten.invalid")
    assert "left" not in str(left)
    for path in (f"/subscribe/unsubscribe/{left.token}/", f"/subscribe/settings/{left.token}/"):
        answer = client.get(path)
        assert answer.status_code in (200, 410) and "forgotten.invalid" not in answer.content.decode()
    assert client.post(f"/subscribe/unsubscribe/{left.token}/").status_code == 200
    assert client.post("/subscribe/", form(topics, email="left@example.cn")).status_code == 302  # may come back
