"""The officer turns urgent notices by SMS on (consenting, recorded) or off on their desk, and sees which notices
go by SMS and how their recent messages fared."""

import pytest

from core.sms.models import OutgoingSms, SmsOptOut
from members import services
from tests.factories import OutgoingSmsFactory, SmsTemplateFactory, StaffUserFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, officer):
    officer.mobile = "138 0771 1404"
    officer.save()
    client.force_login(officer.user)
    return officer


def test_turning_sms_on_needs_the_consent_box_and_records_the_consent(client, signed_in):
    refused = client.post("/portal/sms/", {"sms": "on"}, follow=True)
    signed_in.refresh_from_db()
    assert not signed_in.sms_enabled and signed_in.sms_consent_at is None
    assert "Tick the box" in refused.content.decode() or "勾选" in refused.content.decode()

    client.post("/portal/sms/", {"sms": "on", "consent": "yes"})

    signed_in.refresh_from_db()
    assert signed_in.sms_enabled and signed_in.sms_number == "+8613807711404"
    assert signed_in.sms_consent_at is not None
    assert signed_in.history.first().history_change_reason.startswith("SMS turned on")


def test_without_a_mobile_sms_cannot_be_turned_on(client, signed_in):
    signed_in.mobile = ""
    signed_in.save()
    page = client.post("/portal/sms/", {"sms": "on", "consent": "yes"}, follow=True)
    signed_in.refresh_from_db()
    assert not signed_in.sms_enabled
    assert page.status_code == 200


def test_turning_it_off_opts_the_number_out_and_cancels_what_waits(client, signed_in):
    client.post("/portal/sms/", {"sms": "on", "consent": "yes"})
    waiting = OutgoingSmsFactory(to="+8613807711404")

    client.post("/portal/sms/", {"sms": "off"})

    signed_in.refresh_from_db()
    assert not signed_in.sms_enabled and signed_in.sms_opted_out_at is not None
    assert SmsOptOut.objects.get(number="+8613807711404").via == SmsOptOut.Via.DESK
    assert OutgoingSms.objects.get(pk=waiting.pk).state == OutgoingSms.State.CANCELLED

    client.post("/portal/sms/", {"sms": "on", "consent": "yes"})  # consenting again lifts the opt-out
    assert not SmsOptOut.objects.exists()


def test_the_desk_shows_which_notices_go_by_sms_and_the_recent_messages(client, signed_in):
    SmsTemplateFactory(kind="meeting_notice")
    client.post("/portal/sms/", {"sms": "on", "consent": "yes"})
    OutgoingSmsFactory(
        to="+8613807711404",
        state=OutgoingSms.State.SENT,
        delivery=OutgoingSms.Delivery.DELIVERED,
        text="【市长协会】测试短信",
    )

    page = parse(client.get("/portal/").content)

    section = page.find(id="sms-title").parent
    assert "+86 138 0771 1404" in section.text
    assert [li.text for li in section.find("ul", class_="sms-kinds").find_all("li")] == ["会议通知"]
    assert "【市长协会】测试短信" in section.text and "已送达" in section.text


def test_a_get_is_refused_and_another_officers_sms_cannot_be_turned_on(client, signed_in, other_officer):
    assert client.get("/portal/sms/").status_code == 405
    with pytest.raises(services.PermissionDenied):
        services.officer_set_sms(officer=other_officer, on=True, by=signed_in.user)


def test_staff_may_turn_it_off_but_never_on(signed_in):
    staff = StaffUserFactory(is_superuser=True)
    signed_in.sms_enabled, signed_in.sms_number = True, "+8613807711404"
    signed_in.save()
    services.officer_set_sms(officer=signed_in, on=False, by=staff)
    assert SmsOptOut.objects.get().via == SmsOptOut.Via.STAFF
    with pytest.raises(services.PermissionDenied):
        services.officer_set_sms(officer=signed_in, on=True, by=staff)


def test_a_new_mobile_moves_the_sms_to_it(client, signed_in):
    client.post("/portal/sms/", {"sms": "on", "consent": "yes"})
    signed_in.refresh_from_db()
    data = {
        "position": signed_in.position,
        "office_phone": signed_in.office_phone,
        "mobile": "13907711405",
        "email": signed_in.email,
        "language": "zh-hans",
    }
    services.officer_update_contact(officer=signed_in, by=signed_in.user, data=data)
    signed_in.refresh_from_db()
    assert signed_in.sms_enabled and signed_in.sms_number == "+8613907711405"
