"""Certificates and their public verification page; the officer's desk and the papers a city downloads."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from membership.models import Certificate
from membership.services import certificates, dues
from tests.factories import LiaisonOfficerFactory, MemberCityFactory
from tests.factories.membership import DuesNoticeFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(member_city, membership_manager, year):
    (issued,) = certificates.certificates_issue(year=year, by=membership_manager)
    return issued


def test_certificates_are_numbered_per_year_for_active_members_once(certificate, membership_manager, year):
    MemberCityFactory(status="left")
    assert certificate.number == f"ZS{year}-00001"
    assert certificate.valid_until == datetime.date(year, 12, 31)
    assert certificates.certificates_issue(year=year, by=membership_manager) == []  # each member has its valid one


def test_the_verification_page_says_valid_and_nothing_personal(client, certificate):
    officer = certificate.city.officers.get()

    response = client.get(certificate.get_absolute_url())

    assert response.status_code == 200
    page = parse(response)
    verdict = page.find("p", class_="verdict")
    assert "verdict--good" in verdict.classes and certificate.number in verdict.text
    text = response.content.decode()
    assert certificate.city.name in text
    for personal in (officer.email, officer.mobile, officer.office_phone, officer.name):
        assert personal not in text
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_a_revoked_certificate_is_told_so(client, certificate, membership_manager):
    certificates.certificate_revoke(certificate=certificate, reason="该市已退会", by=membership_manager)

    verdict = parse(client.get(certificate.get_absolute_url())).find("p", class_="verdict")
    assert "verdict--bad" in verdict.classes


@pytest.mark.parametrize("number", ["ZS2026-99999", "FAKE-123", "%3Cscript%3E"])
def test_a_forged_number_is_told_so_with_a_404(client, number):
    response = client.get(f"/membership/certificates/{number}/")
    assert response.status_code == 404
    assert "verdict--bad" in parse(response).find("p", class_="verdict").classes


def test_the_lookup_form_leads_to_the_number_and_refuses_nonsense(client, certificate):
    response = client.get("/membership/certificates/", {"number": certificate.number.lower()})
    assert response.status_code == 302 and response["Location"].endswith(f"/{certificate.number}/")
    assert client.get("/membership/certificates/", {"number": "x"}).status_code == 400
    assert client.get("/membership/certificates/").status_code == 200


def test_an_expired_certificate_is_not_valid(client):
    old = Certificate.objects.create(
        number="ZS2020-00001",
        city=MemberCityFactory(),
        level="member",
        valid_from=datetime.date(2020, 1, 1),
        valid_until=datetime.date(2020, 12, 31),
        issued_by=LiaisonOfficerFactory().user,
    )
    assert not old.is_valid
    assert "verdict--bad" in parse(client.get(old.get_absolute_url())).find("p", class_="verdict").classes


def test_the_desk_shows_level_status_this_years_dues_and_the_papers(client, notice, certificate, finance, year):
    receipt = dues.record_payment(notice=notice, amount=Decimal("4000"), paid_on=datetime.date(year, 2, 1), by=finance)
    officer = notice.city.officers.get()
    client.force_login(officer.user)

    response = client.get(reverse("portal:dashboard"))

    section = parse(response).find("section", attrs={"aria-labelledby": "membership-title"}) or parse(response).find(
        "section", **{"aria-labelledby": "membership-title"}
    )
    text = section.text
    assert "理事单位" in text and "¥10,000.00" in text and "¥4,000.00" in text and "¥6,000.00" in text
    hrefs = {link["href"] for link in section.find_all("a")}
    assert {notice.get_download_url(), receipt.get_download_url(), certificate.get_download_url()} <= hrefs
    for url in hrefs:
        download = client.get(url)
        assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
        assert download.content.startswith(b"%PDF-")


def test_another_citys_officer_cannot_download_these_papers(client, notice, certificate):
    stranger = LiaisonOfficerFactory()
    client.force_login(stranger.user)
    assert client.get(notice.get_download_url()).status_code == 403
    assert client.get(certificate.get_download_url()).status_code == 403
    client.logout()
    assert client.get(notice.get_download_url()).status_code == 302  # to sign in
    assert client.get("/membership/notices/999999/download/").status_code in (302, 404)


def desk_queries(client, officer):
    client.force_login(officer.user)
    client.get(reverse("portal:dashboard"))  # the association's profile is cached by the first page
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("portal:dashboard")).status_code == 200
    return len(queries)


def test_the_desks_queries_do_not_grow_with_years_and_receipts(client, notice, finance, year):
    officer = notice.city.officers.get()
    dues.record_payment(notice=notice, amount=Decimal("100"), paid_on=datetime.date(year, 2, 1), by=finance)
    few = desk_queries(client, officer)
    for earlier in range(year - 6, year):
        old = DuesNoticeFactory(city=notice.city, year=earlier, amount=Decimal("5000"))
        dues.record_payment(notice=old, amount=Decimal("2500"), paid_on=datetime.date(earlier, 5, 1), by=finance)
    for _ in range(3):
        dues.record_payment(notice=notice, amount=Decimal("100"), paid_on=datetime.date(year, 2, 1), by=finance)
    assert desk_queries(client, officer) == few


def test_the_arrears_list_and_the_register_list_do_not_grow_with_members_and_years(client, superuser, year):
    client.force_login(superuser)

    def queries(url):
        client.get(url)  # the association's profile is cached by the first page
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    DuesNoticeFactory(year=year)
    arrears, register = (
        queries(reverse("admin:membership_arrears")),
        queries(reverse("admin:members_membercity_changelist")),
    )
    for city in MemberCityFactory.create_batch(8):
        for earlier in (year - 2, year - 1, year):
            DuesNoticeFactory(city=city, year=earlier)
    assert queries(reverse("admin:membership_arrears")) == arrears
    assert queries(reverse("admin:members_membercity_changelist")) == register


def test_the_arrears_export_is_in_chinese_and_logged(client, superuser, year):
    from io import BytesIO

    import openpyxl

    from core.models import ExportLog

    DuesNoticeFactory(year=year, amount=Decimal("5000"))
    client.force_login(superuser)
    response = client.get(reverse("admin:membership_arrears"), {"format": "xlsx"})
    sheet = openpyxl.load_workbook(BytesIO(response.content)).active
    headers = [cell.value for cell in sheet[1]]
    assert headers[:3] == ["所属地区", "城市", "年份"] and "欠缴（元）" in headers
    assert sheet.max_row == 2
    assert ExportLog.objects.get().row_count == 1


def test_the_verification_page_reflects_todays_date(client, certificate, monkeypatch):
    later = datetime.date(certificate.valid_until.year + 1, 1, 2)
    monkeypatch.setattr(timezone, "localdate", lambda *args: later)
    assert "verdict--bad" in parse(client.get(certificate.get_absolute_url())).find("p", class_="verdict").classes
