"""An officer turns urgent notices by SMS on from their desk on a phone, consenting, then off again."""

import pytest

from core.sms.models import SmsOptOut
from members.models import LiaisonOfficer
from tests.browser.conftest import PHONE, signed_in

pytestmark = pytest.mark.browser

expect = pytest.importorskip(
    "playwright.sync_api", reason="The playwright package cannot be imported: pip install -r requirements-dev.txt"
).expect


def test_an_officer_turns_sms_on_with_consent_and_off_again(browser, site):
    officer = LiaisonOfficer.objects.current().filter(sms_enabled=False).exclude(mobile="").order_by("pk").first()
    context, page = signed_in(browser, site, officer.user, PHONE)
    page.goto(f"{site}/portal/")
    section = page.locator("#sms-title").locator("xpath=..")

    page.get_by_role("button", name="开启短信通知").click()  # without the consent box: the browser asks for it
    assert not LiaisonOfficer.objects.get(pk=officer.pk).sms_enabled
    page.get_by_label("我同意以此号码接收协会的短信").check()
    page.get_by_role("button", name="开启短信通知").click()

    expect(page.locator(".messages, [role=status]").first).to_contain_text("短信")
    expect(section).to_contain_text("已开启")
    officer.refresh_from_db()
    assert officer.sms_enabled and officer.sms_consent_at is not None and officer.sms_number.startswith("+86")

    page.get_by_role("button", name="关闭短信通知").click()
    expect(section).to_contain_text("未开启")
    assert SmsOptOut.objects.filter(number=officer.sms_number, via=SmsOptOut.Via.DESK).exists()
    context.close()
