"""Meeting notices, reply reminders, registration states and meeting reminders also go by SMS to the officers
who turned it on: one message per officer, written with the change, with the template's parameters."""

import datetime

import pytest
from django.utils import timezone

from core.sms.models import OutgoingSms
from events import notice_services, services
from events.contributions import EVENT_MANAGERS
from events.models import MeetingNotice
from tests.events.conftest import delegates
from tests.factories import LiaisonOfficerFactory, SmsTemplateFactory, StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def templates():
    return {
        kind: SmsTemplateFactory(kind=kind, text=text)
        for kind, text in {
            "meeting_notice": "${event}会议通知已发至贵市，请于${reply_by}前登录协会网站回复。",
            "notice_reminder": "贵市尚未回复${event}会议通知，请于${reply_by}前回复。",
            "delegation": "贵市${event}报名状态：${state}。",
            "reminder": "${event}将于${starts}开始。",
        }.items()
    }


def sms_on(officer, number):
    officer.mobile, officer.sms_enabled, officer.sms_number = number, True, number
    officer.save()
    return officer


@pytest.fixture
def nanning(make_officer):
    """The primary officer with SMS on, a deputy with it off."""
    officer = sms_on(make_officer("nanning"), "+8613807711404")
    LiaisonOfficerFactory(city=officer.city, deputy=True, mobile="13907711405")
    return officer


@pytest.fixture
def notice(make_event, nanning):
    manager = StaffUserFactory(username="meetings", groups=[EVENT_MANAGERS])
    notice = MeetingNotice.objects.create(
        event=make_event(title="2027年会员大会"),
        title="关于召开2027年会员大会的通知",
        body="各会员城市：定于4月30日召开会员大会。",
        reply_by=timezone.make_aware(datetime.datetime(2027, 4, 10, 17, 0)),
        created_by=manager,
    )
    return notice, manager


def test_a_notice_goes_by_sms_to_the_officer_who_turned_it_on_only(notice, templates):
    notice, manager = notice
    notice_services.notice_send(notice=notice, by=manager)

    (message,) = OutgoingSms.objects.all()
    assert message.to == "+8613807711404" and message.kind == "meeting_notice"
    assert message.params["event"] == "2027年会员大会" and "2027" in message.params["reply_by"]
    assert message.text.startswith("【") and "2027年会员大会会议通知已发至贵市" in message.text


def test_a_reply_reminder_is_its_own_kind(notice, templates):
    notice, manager = notice
    notice_services.notice_send(notice=notice, by=manager)
    notice_services.notice_remind(notice=notice, by=manager)

    assert sorted(OutgoingSms.objects.values_list("kind", flat=True)) == ["meeting_notice", "notice_reminder"]


def test_without_an_approved_template_no_sms_is_written_and_the_email_still_goes(notice):
    notice, manager = notice
    assert notice_services.notice_send(notice=notice, by=manager) == 1
    assert not OutgoingSms.objects.exists()


def test_a_registration_and_the_meeting_reminder_go_by_sms(nanning, make_event, templates):
    event = make_event(title="联络工作会议", starts_at=timezone.now() + datetime.timedelta(days=2))
    services.delegation_register(event=event, officer=nanning, delegates=delegates(2), consent=True)
    assert services.reminders_send_due() == 1

    kinds = dict(OutgoingSms.objects.values_list("kind", "params"))
    assert kinds["delegation"] == {"event": "联络工作会议", "state": "已确认"}
    assert kinds["reminder"]["event"] == "联络工作会议" and kinds["reminder"]["starts"]
    assert set(kinds) == {"delegation", "reminder"}


def test_the_demo_has_chinese_templates_officers_with_sms_on_and_off_and_receipted_messages():
    import io

    from django.core.management import call_command

    from core.sms.models import SmsTemplate
    from members.models import LiaisonOfficer

    call_command("load_demo_data", stdout=io.StringIO())

    assert SmsTemplate.objects.get(kind="meeting_notice").text.endswith("请于${reply_by}前登录协会网站回复。")
    assert LiaisonOfficer.objects.filter(sms_enabled=True).exists()
    assert LiaisonOfficer.objects.filter(sms_enabled=False, sms_opted_out_at__isnull=False).exists()
    assert OutgoingSms.objects.filter(delivery=OutgoingSms.Delivery.DELIVERED).exists()
    assert all(message.text.startswith("【") for message in OutgoingSms.objects.all())
