"""Meeting notices: staff send one to all cities or to chosen regions and cities; officers see it on their desk
and by e-mail, reading is recorded, they reply; staff follow city by city and remind those who have not replied."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.models import OutgoingEmail
from events import notice_services, services
from events.contributions import EVENT_MANAGERS
from events.models import MeetingNotice, NoticeRecipient
from tests.events.conftest import delegates
from tests.factories import RegionFactory, StaffUserFactory
from tests.factories.files import PDF_BYTES

pytestmark = pytest.mark.django_db

State = NoticeRecipient.State


@pytest.fixture
def manager():
    return StaffUserFactory(username="meetings", groups=[EVENT_MANAGERS])


@pytest.fixture
def cities(make_officer):
    return {slug: make_officer(slug) for slug in ("nanning", "liuzhou", "beihai")}


@pytest.fixture
def notice(make_event, manager):
    return MeetingNotice.objects.create(
        event=make_event(title="2027年会员大会"),
        title="关于召开2027年会员大会的通知",
        body="各会员城市：\n\n定于4月30日召开会员大会。",
        reply_by=timezone.now() + datetime.timedelta(days=7),
        created_by=manager,
        attachment=SimpleUploadedFile("notice.pdf", PDF_BYTES),
    )


def notice_mails():
    return OutgoingEmail.objects.filter(kind="meeting_notice")


def test_a_notice_goes_to_every_city_with_an_officer_and_once(notice, cities, manager):
    assert notice_services.notice_send(notice=notice, by=manager) == 3
    assert notice_services.notice_send(notice=notice, by=manager) == 0
    assert notice_mails().count() == 3
    mail = notice_mails().first()
    assert "关于召开2027年会员大会的通知" in mail.subject and f"/portal/events/notices/{notice.pk}/" in mail.body
    assert mail.body.split(f"/portal/events/notices/{notice.pk}/")[0].rsplit(" ", 1)[-1].startswith("http")


def test_a_notice_goes_only_to_the_chosen_regions_and_cities(notice, cities, manager, make_officer):
    other = RegionFactory(name="海南省")
    haikou = make_officer("haikou")
    haikou.city.region = other
    haikou.city.save()
    notice.regions.add(other)
    notice.cities.add(cities["beihai"].city)
    notice_services.notice_send(notice=notice, by=manager)
    assert set(notice.recipients.values_list("city__slug", flat=True)) == {"haikou", "beihai"}


def test_officers_read_it_on_their_desk_and_reply(client, notice, cities, manager):
    notice_services.notice_send(notice=notice, by=manager)
    officer = cities["nanning"]
    client.force_login(officer.user)
    desk = client.get("/portal/").content.decode()
    assert "关于召开2027年会员大会的通知" in desk and "notice-item--unread" in desk
    page = client.get(f"/portal/events/notices/{notice.pk}/")
    assert page.status_code == 200 and "定于4月30日召开会员大会" in page.content.decode()
    copy = NoticeRecipient.objects.get(city=officer.city)
    assert copy.read_at is not None

    attachment = client.get(f"/portal/events/notices/{notice.pk}/attachment/")
    assert attachment.status_code == 200 and b"".join(attachment.streaming_content).startswith(b"%PDF")

    refused = client.post(f"/portal/events/notices/{notice.pk}/", {"reply": "decline", "reason": ""})
    assert refused.status_code == 400
    response = client.post(f"/portal/events/notices/{notice.pk}/", {"reply": "attend", "reason": ""})
    assert response.status_code == 302 and response["Location"] == f"/portal/events/{notice.event_id}/delegation/"
    copy.refresh_from_db()
    assert (copy.reply, copy.replied_by) == ("attend", officer.user)


def test_an_officer_sees_only_their_citys_copy(client, notice, cities, manager, make_officer):
    notice.cities.add(cities["nanning"].city)
    notice_services.notice_send(notice=notice, by=manager)
    client.force_login(cities["liuzhou"].user)
    assert client.get(f"/portal/events/notices/{notice.pk}/").status_code == 404
    assert client.get(f"/portal/events/notices/{notice.pk}/attachment/").status_code == 404


def test_staff_see_every_city_by_state_and_remind_those_who_have_not_replied(
    client, notice, cities, manager, make_officer
):
    unreached = make_officer("wuzhou")
    notice.cities.add(*(officer.city for officer in cities.values()))
    notice_services.notice_send(notice=notice, by=manager)
    notice_services.notice_mark_read(
        recipient=NoticeRecipient.objects.get(city=cities["liuzhou"].city), officer=cities["liuzhou"]
    )
    notice_services.notice_reply(
        recipient=NoticeRecipient.objects.get(city=cities["beihai"].city),
        officer=cities["beihai"],
        reply="decline",
        reason="与市人大会议冲突",
    )
    services.delegation_register(event=notice.event, officer=cities["nanning"], delegates=delegates(1), consent=True)

    states = {row.city.slug: row.state for row in notice_services.notice_table(notice)}
    assert states == {
        "nanning": State.REGISTERED,
        "liuzhou": State.READ,
        "beihai": State.REPLIED,
        unreached.city.slug: State.NOT_SENT,
    }

    client.force_login(manager)
    page = client.get(f"/admin/events/meetingnotice/{notice.pk}/change/").content.decode()
    assert "与市人大会议冲突" in page and "已报名" in page and "未发送" in page
    before = notice_mails().count()
    assert client.post(f"/admin/events/meetingnotice/{notice.pk}/remind/").status_code == 302
    assert notice_mails().count() == before + 1  # only liuzhou: nanning registered, beihai replied
    assert NoticeRecipient.objects.get(city=cities["liuzhou"].city).reminded_at is not None


def test_only_event_managers_send_notices(notice, cities):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        notice_services.notice_send(notice=notice, by=cities["nanning"].user)


def test_not_attending_is_refused_while_the_citys_delegation_stands_and_says_what_to_do(
    client, notice, cities, manager
):
    notice_services.notice_send(notice=notice, by=manager)
    officer = cities["nanning"]
    delegation = services.delegation_register(event=notice.event, officer=officer, delegates=delegates(2), consent=True)
    client.force_login(officer.user)

    refused = client.post(f"/portal/events/notices/{notice.pk}/", {"reply": "decline", "reason": "另有公务"})

    assert refused.status_code == 400 and "撤回" in refused.content.decode()  # withdraw it on its page
    assert NoticeRecipient.objects.get(city=officer.city).reply == ""
    services.delegation_withdraw(delegation=delegation, by=officer.user)
    accepted = client.post(f"/portal/events/notices/{notice.pk}/", {"reply": "decline", "reason": "另有公务"})
    assert accepted.status_code == 302 and NoticeRecipient.objects.get(city=officer.city).reply == "decline"


def test_a_city_that_declined_and_then_registers_will_attend_after_all(notice, cities, manager):
    notice_services.notice_send(notice=notice, by=manager)
    officer = cities["liuzhou"]
    recipient = NoticeRecipient.objects.get(city=officer.city)
    notice_services.notice_reply(recipient=recipient, officer=officer, reply="decline", reason="另有公务")
    other = NoticeRecipient.objects.get(city=cities["beihai"].city)
    notice_services.notice_reply(recipient=other, officer=cities["beihai"], reply="decline", reason="同期开会")

    services.delegation_register(event=notice.event, officer=officer, delegates=delegates(1), consent=True)

    recipient.refresh_from_db()
    assert (recipient.reply, recipient.reason, recipient.replied_by) == ("attend", "", officer.user)
    assert NoticeRecipient.objects.get(pk=other.pk).reply == "decline"  # another city's answer stays
