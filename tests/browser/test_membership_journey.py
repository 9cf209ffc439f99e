"""A year of membership in Chromium: a city applies; the secretariat reviews and the council's approval is
recorded; the officer is invited and signs in; the desk shows this year's dues; finance imports a statement that
pays them; the officer downloads the receipt and the certificate; the certificate's QR page says it is valid."""

import re
import shutil
import subprocess

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from members.contributions import MEMBERSHIP_MANAGERS
from members.models import LiaisonOfficer
from membership.contributions import FINANCE
from membership.models import Application, Certificate, DuesNotice
from tests.browser.conftest import DESKTOP, PHONE
from tests.factories import PDF_BYTES, StaffUserFactory

pytestmark = pytest.mark.browser

expect = pytest.importorskip(
    "playwright.sync_api", reason="The playwright package cannot be imported: pip install -r requirements-dev.txt"
).expect

INVITATION = re.compile(r"https?://[^/\s]+(/(?:[a-z-]+/)?accounts/invitation/[^/\s]+/[^/\s]+/)")
CONTACT = "yizhou.liaison@city.example.cn"
PASSWORD = "Yizhou-huiyuan-2026"


def signed_in_context(browser, site, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN", accept_downloads=True)
    context.set_default_timeout(10_000)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site}])
    return context


def apply(page, site, letter):
    page.goto(f"{site}/about/")
    page.locator("section.level-counts a").click()
    expect(page).to_have_url(f"{site}/membership/apply/")
    page.fill("#id_city_name", "宜州市")
    page.select_option("#id_region", label="广西壮族自治区")
    page.select_option("#id_city_level", "county")
    page.select_option("#id_intended_level", "member")
    page.fill("#id_contact_name", "韦春燕")
    page.fill("#id_contact_position", "宜州市人民政府办公室副主任")
    page.fill("#id_contact_phone", "0778-3222000")
    page.fill("#id_contact_email", CONTACT)
    page.set_input_files("#id_letter", str(letter))
    page.check("#id_consent")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(f"{site}/membership/apply/received/")
    expect(page.locator("main")).to_contain_text("宜州市")


def review_and_record_approval(page, site, application):
    page.goto(f"{site}/admin/membership/application/{application.pk}/change/")
    page.locator("a.button", has_text="审核").click()
    page.check("input[name=recommend][value=yes]")
    page.fill("#id_note", "材料齐全，提交理事会。")
    page.locator("input[type=submit]").click()
    expect(page.locator(".messagelist .success")).to_have_count(1)
    page.locator("a.button", has_text="登记理事会决定").click()
    page.check("input[name=approved][value=yes]")
    page.fill("#id_meeting", "第五届理事会第四次会议")
    page.fill("#id_resolution", "五届理字〔2026〕第5号")
    page.locator("input[type=submit]").click()
    expect(page.locator(".messagelist .success")).to_have_count(1)


def issue_notices_and_certificates(page, site, year):
    page.goto(f"{site}/admin/membership/duesnotice/")
    page.locator(".object-tools a", has_text="开具本年度会费缴纳通知").click()
    page.fill("#id_year", str(year))
    page.fill("#id_due_on", f"{year}-12-31")
    page.locator("input[type=submit]").click()
    expect(page.locator(".messagelist .success")).to_contain_text("1")
    page.goto(f"{site}/admin/membership/certificate/")
    page.locator(".object-tools a", has_text="颁发本年度会员证书").click()
    page.fill("#id_year", str(year))
    page.locator("input[type=submit]").click()
    expect(page.locator(".messagelist .success")).to_contain_text("1")


def import_statement(page, site, notice, tmp_path):
    statement = tmp_path / "工商银行对账单.csv"
    statement.write_bytes(
        (
            "账号,2102112009200088888\r\n交易日期,交易流水号,对方户名,摘要,借方金额,贷方金额,余额\r\n"
            f"{timezone.localdate()},ICBC-YZ-1,宜州市财政局,会费 {notice.reference},,{notice.amount},\r\n"
        ).encode("gb18030")
    )
    page.goto(f"{site}/admin/membership/statement/add/")
    page.set_input_files("#id_file", str(statement))
    page.locator("input[type=submit]").click()
    expect(page.locator(".messagelist .success")).to_contain_text("1")


def pdf_text(download, tmp_path):
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert path.read_bytes().startswith(b"%PDF-")
    if shutil.which("pdftotext") is None:
        return ""
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_a_city_applies_is_admitted_pays_its_dues_and_proves_its_membership(browser, site, page, mailoutbox, tmp_path):
    year = timezone.localdate().year
    staff = StaffUserFactory(username="secretariat-membership")
    staff.groups.add(Group.objects.get(name=MEMBERSHIP_MANAGERS), Group.objects.get(name=FINANCE))
    letter = tmp_path / "宜州市入会申请书.pdf"
    letter.write_bytes(PDF_BYTES)

    # 1. the city applies on the public form (phone-sized, as a contact person might)
    applicant = browser.new_context(viewport=PHONE, locale="zh-CN")
    applicant.set_default_timeout(10_000)
    apply(applicant.new_page(), site, letter)
    applicant.close()
    application = Application.objects.get(city_name="宜州市")

    # 2. the secretariat reviews, and the council's approval is recorded
    back_office = signed_in_context(browser, site, staff)
    office = back_office.new_page()
    review_and_record_approval(office, site, application)
    officer = LiaisonOfficer.objects.get(city__name="宜州市")
    assert officer.email == CONTACT

    # 3. the officer is invited and signs in
    (invitation,) = [message for message in mailoutbox if message.to == [CONTACT] and INVITATION.search(message.body)]
    link = INVITATION.search(invitation.body).group(1)
    page.goto(f"{site}{link}")
    page.fill("input[name=new_password1]", PASSWORD)
    page.fill("input[name=new_password2]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(f"{site}/portal/")

    # 4. the desk shows this year's dues, once finance has issued the notice
    issue_notices_and_certificates(office, site, year)
    notice = DuesNotice.objects.get(city=officer.city, year=year)
    page.reload()
    desk = page.locator("section[aria-labelledby=membership-title]")
    expect(desk).to_contain_text("会员单位")
    expect(desk.locator("tr", has_text="欠缴")).to_contain_text("¥5,000.00")
    expect(desk).to_contain_text(notice.reference)

    # 5. finance imports a bank statement that pays them
    import_statement(office, site, notice, tmp_path)
    back_office.close()
    page.reload()
    expect(desk.locator("tr", has_text="欠缴")).to_contain_text("¥0.00")

    # 6. the officer downloads the receipt and the certificate
    with page.expect_download() as receipt_download:
        desk.locator(".download-list a").first.click()
    receipt_text = pdf_text(receipt_download.value, tmp_path)
    with page.expect_download() as certificate_download:
        desk.locator("a.button", has_text="会员证书").click()
    certificate_text = pdf_text(certificate_download.value, tmp_path)
    certificate = Certificate.objects.get(city=officer.city)
    if receipt_text:
        assert "宜州市" in receipt_text and "人民币伍仟元整" in receipt_text
        assert "宜州市" in certificate_text and certificate.number in certificate_text

    # 7. the page the certificate's QR code points to says it is valid
    page.goto(f"{site}{certificate.get_absolute_url()}")
    expect(page.locator("p.verdict--good")).to_contain_text(certificate.number)
    expect(page.locator("main")).not_to_contain_text(CONTACT)
