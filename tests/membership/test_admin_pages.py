"""The back office's membership pages: each form page renders, refuses bad input with a 400 and changes nothing,
and does its work through the service when the input is good."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from members.models import MemberCity, MembershipChange
from membership.models import Application, Certificate, DuesNotice, Payment, Receipt, Statement, StatementRow
from tests.factories import MemberCityFactory
from tests.factories.membership import ApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_finance(client, finance):
    client.force_login(finance)
    return client


@pytest.fixture
def as_manager(client, membership_manager):
    client.force_login(membership_manager)
    return client


def test_finance_issues_the_years_notices_from_the_list(as_finance, dues_setup, member_city, year):
    url = reverse("admin:membership_duesnotice_issue")
    assert as_finance.get(url).status_code == 200
    assert as_finance.post(url, {"year": "20x6", "due_on": "2026-03-31"}).status_code == 400
    assert not DuesNotice.objects.exists()

    response = as_finance.post(url, {"year": year, "due_on": f"{year}-03-31"})

    assert response.status_code == 302
    assert DuesNotice.objects.get().city == member_city
    listing = as_finance.get(reverse("admin:membership_duesnotice_changelist"))
    assert listing.status_code == 200 and "¥10,000.00" in listing.content.decode()


def test_a_payment_is_recorded_from_its_notice(as_finance, notice, year):
    url = reverse("admin:membership_duesnotice_payment", args=[notice.pk])
    assert as_finance.get(url).status_code == 200
    bad = as_finance.post(url, {"amount": "99999", "paid_on": f"{year}-02-01", "bank_reference": ""})
    assert bad.status_code == 400 and not Payment.objects.exists()
    future = as_finance.post(url, {"amount": "100", "paid_on": "2999-01-01"})
    assert future.status_code == 400

    response = as_finance.post(url, {"amount": "10000.00", "paid_on": f"{year}-02-01", "bank_reference": "B1"})

    assert response.status_code == 302 and Receipt.objects.get().number == 1
    change = as_finance.get(reverse("admin:membership_duesnotice_change", args=[notice.pk]))
    assert change.status_code == 200


def test_a_waiver_and_a_void_go_through_their_pages(as_finance, notice, finance, year):
    waiver = reverse("admin:membership_duesnotice_waiver", args=[notice.pk])
    assert as_finance.post(waiver, {"amount": "100", "reason": ""}).status_code == 400
    assert as_finance.post(waiver, {"amount": "100", "reason": "减免"}).status_code == 302
    as_finance.post(
        reverse("admin:membership_duesnotice_payment", args=[notice.pk]), {"amount": "500", "paid_on": f"{year}-02-01"}
    )
    payment = Payment.objects.get(kind="payment")
    void = reverse("admin:membership_payment_void", args=[payment.pk])
    assert as_finance.get(void).status_code == 200
    assert as_finance.post(void, {"reason": ""}).status_code == 400
    assert as_finance.post(void, {"reason": "误录"}).status_code == 302
    assert Receipt.objects.filter(reverses__isnull=False).count() == 1
    assert as_finance.get(reverse("admin:membership_receipt_changelist")).status_code == 200


def test_a_statement_is_imported_in_the_back_office_and_an_unmatched_row_matched(as_finance, notice, year):
    csv = (
        f"交易日期,交易流水号,对方户名,摘要,借方金额,贷方金额\r\n{year}-02-11,ICBC002,某局,汇款,,10000.00\r\n"
    ).encode("gb18030")
    url = reverse("admin:membership_statement_add")
    assert as_finance.get(url).status_code == 200
    wrong = as_finance.post(url, {"file": SimpleUploadedFile("s.pdf", b"%PDF-1.4")})
    assert wrong.status_code == 400 and not Statement.objects.exists()

    assert as_finance.post(url, {"file": SimpleUploadedFile("s.csv", csv)}).status_code == 302
    again = as_finance.post(url, {"file": SimpleUploadedFile("s.csv", csv)})
    assert again.status_code == 400 and Statement.objects.count() == 1

    row = StatementRow.objects.get()
    match = reverse("admin:membership_statementrow_match", args=[row.pk])
    assert as_finance.get(match).status_code == 200
    assert as_finance.post(match, {"notice": "999999"}).status_code == 400
    assert as_finance.post(match, {"notice": notice.pk}).status_code == 302
    row.refresh_from_db()
    assert row.state == StatementRow.State.MATCHED


def test_the_application_is_reviewed_and_decided_in_the_back_office(as_manager):
    application = ApplicationFactory(city_name="平果市")
    change = as_manager.get(reverse("admin:membership_application_change", args=[application.pk]))
    assert change.status_code == 200
    assert as_manager.get(reverse("admin:membership_application_letter", args=[application.pk])).status_code == 200

    review = reverse("admin:membership_application_review", args=[application.pk])
    assert as_manager.post(review, {"recommend": "no", "note": ""}).status_code == 400
    assert as_manager.post(review, {"recommend": "yes", "note": "齐全"}).status_code == 302
    decide = reverse("admin:membership_application_decide", args=[application.pk])
    assert as_manager.get(decide).status_code == 200
    form = {"approved": "yes", "level": "member", "meeting": "", "decided_on": "2026-11-20"}
    assert as_manager.post(decide, form).status_code == 400
    form["meeting"] = "第五届理事会第四次会议"
    assert as_manager.post(decide, form).status_code == 302
    assert Application.objects.get().state == Application.State.APPROVED
    assert MemberCity.objects.get(name="平果市").status == "active"
    assert as_manager.post(decide, form).status_code == 400  # decided once


def test_a_decision_on_level_is_recorded_and_shown_in_the_citys_history(as_manager):
    city = MemberCityFactory()
    url = reverse("admin:members_membercity_membership", args=[city.pk])
    assert as_manager.get(url).status_code == 200
    data = {
        "level": "standing_council",
        "status": "active",
        "effective_on": "2026-11-20",
        "reason": "",
        "meeting": "第五届理事会第四次会议",
    }
    assert as_manager.post(url, data).status_code == 400
    data["reason"] = "工作突出"
    assert as_manager.post(url, data).status_code == 302
    city.refresh_from_db()
    assert city.membership_level == "standing_council"
    page = as_manager.get(reverse("admin:members_membercity_change", args=[city.pk])).content.decode()
    assert "第五届理事会第四次会议" in page and MembershipChange.objects.count() == 1


def test_certificates_are_issued_and_revoked_in_the_back_office(as_manager, member_city, year):
    issue = reverse("admin:membership_certificate_issue")
    assert as_manager.post(issue, {"year": "abc"}).status_code == 400
    assert as_manager.post(issue, {"year": year}).status_code == 302
    certificate = Certificate.objects.get()
    revoke = reverse("admin:membership_certificate_revoke", args=[certificate.pk])
    assert as_manager.post(revoke, {"reason": ""}).status_code == 400
    assert as_manager.post(revoke, {"reason": "退会"}).status_code == 302
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None


def test_membership_managers_do_not_record_payments(as_manager, notice):
    url = reverse("admin:membership_duesnotice_payment", args=[notice.pk])
    response = as_manager.post(url, {"amount": "100", "paid_on": "2026-02-01"})
    assert response.status_code == 403 and not Payment.objects.exists()


def test_the_arrears_page_lists_each_city_and_year(as_finance, notice, year):
    page = as_finance.get(reverse("admin:membership_arrears"), {"year": year})
    assert page.status_code == 200 and "贺州市" in page.content.decode()
    assert as_finance.get(reverse("admin:membership_arrears"), {"year": "x"}).status_code == 400


def test_applications_are_not_made_in_the_back_office(as_manager):
    assert as_manager.get(reverse("admin:membership_application_add")).status_code == 403
