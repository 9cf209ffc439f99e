"""Text messages (core/sms): written with the change, sent through Aliyun or Tencent Cloud (their SDKs, against a
local server that checks their signatures), failing over, limited, receipted, and stopped by a reply."""

import datetime
import json
import time
from decimal import Decimal

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import timezone

from core.phones import display_e164, to_e164
from core.sms import outbox, providers
from core.sms.models import OutgoingSms, SmsOptOut
from tests.factories import OutgoingSmsFactory, SmsOptOutFactory, SmsTemplateFactory
from tests.sms_provider import FakeProviders

State = OutgoingSms.State
Delivery = OutgoingSms.Delivery


@pytest.fixture
def fake():
    server = FakeProviders().start()
    yield server
    server.stop()


@pytest.fixture
def template(db):
    return SmsTemplateFactory(kind="meeting_notice")


@pytest.fixture
def aliyun_then_tencent(fake, settings):
    settings.SMS_URL = f"{fake.url('aliyun')},{fake.url('tencent')}"
    return fake


def before_tomorrow():
    """A give-up time before the day's limits lift, whatever the hour the tests run (the default, six hours on,
    reaches past midnight from 18:00 Beijing time)."""
    return timezone.now() + datetime.timedelta(minutes=5)


def waiting(**fields):
    return OutgoingSmsFactory(**fields)


class TestNumbers:
    @pytest.mark.parametrize(
        ("typed", "e164"),
        [
            ("138 0771 1404", "+8613807711404"),
            ("13807711404", "+8613807711404"),
            ("+86 138-0771-1404", "+8613807711404"),
            ("0086 13807711404", "+8613807711404"),
            ("+85291234567", "+85291234567"),
            ("0771-2814004", ""),  # a landline takes no text message
            ("12345", ""),
            ("", ""),
        ],
    )
    def test_mobiles_are_kept_in_e164(self, typed, e164):
        assert to_e164(typed) == e164

    def test_shown_as_people_read_them(self):
        assert display_e164("+8613807711404") == "+86 138 0771 1404"


class TestEnqueue:
    def test_a_kind_without_an_approved_template_writes_nothing(self, db):
        assert outbox.enqueue(kind="meeting_notice", key="k", to="+8613807711404", params={}) is None
        assert not OutgoingSms.objects.exists()

    def test_the_text_is_the_template_with_its_parameters_and_the_signature(self, template, settings):
        settings.SMS_SIGN = "广西市长协会"
        message = outbox.enqueue(
            kind="meeting_notice",
            key="k",
            to="+8613807711404",
            params={"event": "联络工作会议", "reply_by": "12月10日", "ignored": "x"},
        )
        assert message.params == {"event": "联络工作会议", "reply_by": "12月10日"}
        assert message.text == "【广西市长协会】联络工作会议会议通知已发至贵市，请于12月10日前登录协会网站回复。"

    def test_the_same_key_writes_one_row(self, template, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks() as callbacks:
            first = outbox.enqueue(kind="meeting_notice", key="k", to="+8613807711404", params={})
            second = outbox.enqueue(kind="meeting_notice", key="k", to="+8613807711404", params={})
        assert first.pk == second.pk and OutgoingSms.objects.count() == 1
        assert len(callbacks) == 1

    def test_a_number_that_opted_out_gets_nothing(self, template):
        SmsOptOutFactory(number="+8613807711404")
        assert outbox.enqueue(kind="meeting_notice", key="k", to="+8613807711404", params={}) is None

    def test_a_parameter_is_cut_to_the_providers_limit(self, template):
        message = outbox.enqueue(kind="meeting_notice", key="k", to="+8613807711404", params={"event": "会" * 50})
        assert len(message.params["event"]) == 35

    def test_long_texts_are_billed_per_67_characters(self):
        assert [outbox.segments("字" * n) for n in (1, 70, 71, 134, 135)] == [1, 1, 2, 2, 3]


class TestProviders:
    def test_aliyun_takes_the_message_with_a_valid_signature_and_gives_its_bizid(self, fake, template, settings):
        settings.SMS_URL = fake.url("aliyun")
        row = waiting(to="+8613807711404")

        assert outbox.deliver(row.pk) == State.SENT

        row.refresh_from_db()
        (sent,) = fake.sent
        assert fake.bad_signatures == 0
        assert sent["number"] == "13807711404"  # Aliyun's mainland form
        assert sent["template"] == template.aliyun_code and sent["params"] == row.params
        assert sent["key"] == row.key and sent["sign"] == settings.SMS_SIGN
        assert (row.provider, row.provider_message_id) == ("aliyun", sent["id"])
        assert row.segments == 1 and row.cost == settings.SMS_PRICE_PER_MESSAGE

    def test_tencent_takes_the_message_with_its_parameters_in_order(self, fake, template, settings):
        settings.SMS_URL = fake.url("tencent")
        row = waiting(to="+8613807711404", params={"reply_by": "12月10日", "event": "年会"})

        assert outbox.deliver(row.pk) == State.SENT

        row.refresh_from_db()
        (sent,) = fake.sent
        assert fake.bad_signatures == 0
        assert sent["number"] == "+8613807711404" and sent["template"] == template.tencent_id
        assert sent["params"] == ["年会", "12月10日"]  # the kind's order: event, reply_by
        assert (row.provider, row.provider_message_id) == ("tencent", sent["id"])

    @pytest.mark.parametrize("provider", ["aliyun", "tencent"])
    def test_a_wrong_secret_is_refused_by_the_providers_signature_check(self, fake, template, settings, provider):
        settings.SMS_URL = fake.url(provider, secret="not-the-secret")
        row = waiting()

        assert outbox.deliver(row.pk) == State.PENDING

        row.refresh_from_db()
        assert fake.bad_signatures == 1 and not fake.sent
        assert "Signature" in row.last_error

    def test_when_aliyun_is_down_tencent_takes_the_message(self, aliyun_then_tencent, template):
        aliyun_then_tencent.modes["aliyun"] = "down"
        row = waiting()

        assert outbox.deliver(row.pk) == State.SENT

        row.refresh_from_db()
        assert row.provider == "tencent" and [m["provider"] for m in aliyun_then_tencent.sent] == ["tencent"]
        assert "aliyun" in row.last_error and "ServiceUnavailable" in row.last_error

    def test_a_provider_that_does_not_answer_is_given_up_after_the_timeout(self, aliyun_then_tencent, template):
        aliyun_then_tencent.modes["aliyun"] = "slow"
        row = waiting()

        started = time.monotonic()
        assert outbox.deliver(row.pk) == State.SENT
        assert time.monotonic() - started < 4.5  # the 2 s timeout, not Aliyun's 5 s
        assert OutgoingSms.objects.get(pk=row.pk).provider == "tencent"

    def test_with_every_provider_down_the_row_waits_with_backoff_then_fails(self, aliyun_then_tencent, template):
        aliyun_then_tencent.modes.update(aliyun="down", tencent="down")
        row = waiting()

        assert outbox.deliver(row.pk) == State.PENDING
        row.refresh_from_db()
        assert row.attempts == 1 and row.next_attempt_at > timezone.now()
        assert "aliyun" in row.last_error and "tencent" in row.last_error

        OutgoingSms.objects.filter(pk=row.pk).update(
            next_attempt_at=timezone.now(), give_up_at=timezone.now() - datetime.timedelta(seconds=1)
        )
        assert outbox.deliver(row.pk) == State.FAILED

    def test_the_providers_flow_control_waits_rather_than_fails_over(self, aliyun_then_tencent, template):
        aliyun_then_tencent.modes["aliyun"] = "throttle"
        row = waiting()

        assert outbox.deliver(row.pk) == State.PENDING

        assert ("tencent", "SendSms") not in aliyun_then_tencent.requests
        assert "isv.BUSINESS_LIMIT_CONTROL" in OutgoingSms.objects.get(pk=row.pk).last_error

    @pytest.mark.parametrize("provider", ["aliyun", "tencent"])
    def test_a_number_that_is_not_a_mobile_fails_at_once(self, fake, template, settings, provider):
        settings.SMS_URL = f"{fake.url(provider)},{fake.url('tencent' if provider == 'aliyun' else 'aliyun')}"
        row = waiting(to="+8613800000000")

        assert outbox.deliver(row.pk) == State.FAILED
        assert len([r for r in fake.requests if r[1] == "SendSms"]) == 1  # not retried elsewhere

    def test_a_template_without_a_code_at_the_first_provider_goes_through_the_second(self, aliyun_then_tencent, db):
        SmsTemplateFactory(kind="meeting_notice", aliyun_code="")
        row = waiting()

        assert outbox.deliver(row.pk) == State.SENT
        assert OutgoingSms.objects.get(pk=row.pk).provider == "tencent"

    def test_console_is_the_default_and_sends_without_a_code(self, template, settings, caplog):
        settings.SMS_URL = "console://"
        row = waiting(to="+8613807711404")
        with caplog.at_level("INFO", logger="core.sms.providers"):
            assert outbox.deliver(row.pk) == State.SENT
        assert "+8613807711404" in caplog.text

    def test_an_unknown_provider_is_a_configuration_error(self, settings):
        settings.SMS_URL = "carrier-pigeon://"
        with pytest.raises(ImproperlyConfigured):
            providers.configured()


class TestLimits:
    def sent(self, n, to, when=None):
        when = when or timezone.now()
        return [
            OutgoingSmsFactory(to=to, state=State.SENT, sent_at=when, cost=Decimal("0.045"), segments=1)
            for _ in range(n)
        ]

    def test_a_number_gets_at_most_so_many_messages_an_hour(self, fake, template, settings):
        settings.SMS_URL = fake.url("aliyun")
        settings.SMS_MAX_PER_NUMBER_PER_HOUR = 3
        earliest = timezone.now() - datetime.timedelta(minutes=40)
        self.sent(1, "+8613807711404", earliest)
        self.sent(2, "+8613807711404")
        row = waiting(to="+8613807711404")

        assert outbox.deliver(row.pk) == State.PENDING

        row.refresh_from_db()
        assert not fake.sent and row.attempts == 0
        assert abs(row.next_attempt_at - (earliest + datetime.timedelta(hours=1))) < datetime.timedelta(seconds=1)
        assert "last hour" in row.last_error or "小时" in row.last_error
        assert outbox.deliver(waiting(to="+8613907711404").pk) == State.SENT  # another number is not held

    def test_a_number_gets_at_most_so_many_messages_a_day(self, fake, template, settings):
        settings.SMS_URL = fake.url("aliyun")
        settings.SMS_MAX_PER_NUMBER_PER_DAY = 2
        settings.SMS_RETRY_FOR_SECONDS = 3 * 24 * 3600
        self.sent(2, "+8613807711404", timezone.now() - datetime.timedelta(hours=2))
        row = waiting(to="+8613807711404", give_up_at=timezone.now() + datetime.timedelta(days=3))

        assert outbox.deliver(row.pk) == State.PENDING
        row.refresh_from_db()
        assert timezone.localtime(row.next_attempt_at).time() == datetime.time(0, 0) and not fake.sent

    def test_the_days_spending_cap_holds_every_message_and_fails_one_that_cannot_wait(self, fake, template, settings):
        settings.SMS_URL = fake.url("aliyun")
        settings.SMS_DAILY_SPEND_CAP = Decimal("0.10")
        self.sent(2, "+8613907711404")  # 0.09 spent; one more would make 0.135
        row = waiting(to="+8613807711404", give_up_at=before_tomorrow())

        assert outbox.deliver(row.pk) == State.FAILED  # tomorrow is after its give-up time
        row.refresh_from_db()
        assert "0.10" in row.last_error and not fake.sent

    def test_the_days_count_holds_every_number(self, fake, template, settings):
        settings.SMS_URL = fake.url("aliyun")
        settings.SMS_MAX_PER_DAY = 2
        self.sent(2, "+8613907711404")
        assert outbox.deliver(waiting(to="+8613807711404", give_up_at=before_tomorrow()).pk) == State.FAILED
        assert not fake.sent


class TestReceiptsAndReplies:
    def test_aliyun_receipts_say_delivered_or_not_per_message(self, fake, template, settings):
        settings.SMS_URL = fake.url("aliyun")
        good, bad = waiting(to="+8613807711404"), waiting(to="+8613807719999")
        outbox.deliver(good.pk), outbox.deliver(bad.pk)

        assert outbox.record_receipts() == 2

        good.refresh_from_db(), bad.refresh_from_db()
        assert (good.delivery, bad.delivery) == (Delivery.DELIVERED, Delivery.UNDELIVERED)
        assert bad.delivery_error == "MOBILE_NOT_ON_SERVICE" and good.delivered_at is not None
        assert outbox.record_receipts() == 0  # nothing left to ask about

    def test_tencent_receipts_are_matched_by_serial_number(self, fake, template, settings):
        settings.SMS_URL = fake.url("tencent")
        rows = [waiting(to="+8613807711404"), waiting(to="+8613807719999")]
        for row in rows:
            outbox.deliver(row.pk)

        assert outbox.record_receipts() == 2
        assert [OutgoingSms.objects.get(pk=row.pk).delivery for row in rows] == [
            Delivery.DELIVERED,
            Delivery.UNDELIVERED,
        ]

    def test_a_td_reply_opts_the_number_out_and_cancels_what_waits(self, fake, template, settings, make_officer):
        settings.SMS_URL = fake.url("tencent")
        officer = make_officer("nanning")
        officer.sms_enabled, officer.sms_number = True, "+8613807711404"
        officer.save()
        pending = waiting(to="+8613807711404")
        fake.replies = [("+8613807711404", " td "), ("+8613907711404", "收到，谢谢")]

        assert outbox.pull_replies() == 1

        assert SmsOptOut.objects.get().number == "+8613807711404"
        assert OutgoingSms.objects.get(pk=pending.pk).state == State.CANCELLED

    def test_the_opt_out_turns_sms_off_for_the_officer(
        self, template, make_officer, django_capture_on_commit_callbacks
    ):
        officer = make_officer("nanning")
        officer.sms_enabled, officer.sms_number = True, "+8613807711404"
        officer.save()

        with django_capture_on_commit_callbacks(execute=True):
            outbox.record_replies([providers.Reply("+8613807711404", "退订")])

        officer.refresh_from_db()
        assert not officer.sms_enabled and officer.sms_opted_out_at is not None

    def test_aliyun_pushes_replies_to_an_address_with_its_token(self, client, settings, db):
        settings.SMS_REPLY_TOKEN = "s3cret-token"
        url = reverse("sms:aliyun_replies", args=["s3cret-token"])
        body = [{"phone_number": "13807711404", "content": "TD", "send_time": "2026-12-04 10:00:00", "sequence_id": 1}]

        answer = client.post(url, body, content_type="application/json")

        assert answer.status_code == 200 and answer.json()["code"] == 0
        assert SmsOptOut.objects.get().number == "+8613807711404"

    @pytest.mark.parametrize(
        ("token", "body", "status"),
        [
            ("wrong", [{"phone_number": "13807711404", "content": "TD"}], 404),
            ("s3cret-token", "not json", 400),
            ("s3cret-token", [{"content": "TD"}], 400),
            ("s3cret-token", [1, 2], 400),
        ],
    )
    def test_a_bad_push_is_a_4xx_and_changes_nothing(self, client, settings, db, token, body, status):
        settings.SMS_REPLY_TOKEN = "s3cret-token"
        url = reverse("sms:aliyun_replies", args=[token])
        payload = body if isinstance(body, str) else json.dumps(body)
        assert client.post(url, payload, content_type="application/json").status_code == status
        assert not SmsOptOut.objects.exists()


class TestStaff:
    def test_staff_see_state_provider_and_delivery_and_send_failed_again(self, admin_client, template):
        failed = OutgoingSmsFactory(state=State.FAILED, last_error="aliyun: ServiceUnavailable")
        delivered = OutgoingSmsFactory(
            state=State.SENT, provider="tencent", provider_message_id="2640:1", delivery=Delivery.DELIVERED
        )

        page = admin_client.get(reverse("admin:core_outgoingsms_changelist"))
        assert page.status_code == 200
        assert display_e164(failed.to) in page.content.decode()
        assert admin_client.get(reverse("admin:core_outgoingsms_change", args=[delivered.pk])).status_code == 200

        admin_client.post(
            reverse("admin:core_outgoingsms_changelist"),
            {"action": "send_again", "_selected_action": [failed.pk, delivered.pk]},
        )
        assert OutgoingSms.objects.get(pk=failed.pk).state == State.PENDING
        assert OutgoingSms.objects.get(pk=delivered.pk).state == State.SENT

    def test_templates_are_edited_in_the_admin(self, admin_client, template):
        page = admin_client.get(reverse("admin:core_smstemplate_change", args=[template.pk]))
        assert page.status_code == 200 and "${reply_by}" in page.content.decode()
