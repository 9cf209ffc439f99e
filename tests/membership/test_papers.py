"""The dues notice, the receipt and the certificate as PDF, read back with pdftotext (Debian's poppler-utils, with
poppler-data for the Chinese font) the way the city that receives them would see them."""

import datetime
import shutil
import subprocess
from decimal import Decimal

import pytest

from membership import documents
from membership.services import certificates, dues
from tests.factories import AssociationFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (Debian package poppler-utils)"),
]


def text_of(pdf, tmp_path):
    path = tmp_path / "paper.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(result.stdout.split())


@pytest.fixture(autouse=True)
def association(db):
    return AssociationFactory(name="广西市长协会")


def test_the_notice_says_who_pays_what_in_figures_and_capitals_where_and_by_when(notice, tmp_path, year):
    text = text_of(documents.notice_pdf(notice), tmp_path)

    for expected in (
        "会费缴纳通知",
        "贺州市",
        "理事单位",
        "¥10,000.00",
        "人民币壹万元整",
        "中国工商银行南宁民族支行",
        "2102 1120 0920 0088 888",
        notice.reference,
        f"{year}年3月31日",
        "广西市长协会",
    ):
        assert expected in text, expected


def test_the_receipt_carries_its_number_the_city_and_the_amount_in_capitals(notice, finance, tmp_path, year):
    receipt = dues.record_payment(
        notice=notice, amount=Decimal("2500.50"), paid_on=datetime.date(year, 2, 1), bank_reference="ICBC77", by=finance
    )
    text = text_of(documents.receipt_pdf(receipt), tmp_path)

    for expected in (receipt.code, "贺州市", "¥2,500.50", "人民币贰仟伍佰元伍角整", "ICBC77", f"{year}年度会费"):
        assert expected in text, expected


def test_a_reversal_names_the_receipt_it_voids(notice, finance, tmp_path, year):
    receipt = dues.record_payment(notice=notice, amount=Decimal("10000"), paid_on=datetime.date(year, 2, 1), by=finance)
    reversal = dues.void_payment(payment=receipt.payment, reason="误录", by=finance)

    text = text_of(documents.receipt_pdf(reversal), tmp_path)

    assert "红冲" in text and receipt.code in text and reversal.code in text and "人民币负壹万元整" in text


def test_the_certificate_names_the_member_its_level_number_and_validity(
    member_city, membership_manager, tmp_path, year
):
    (certificate,) = certificates.certificates_issue(year=year, by=membership_manager)

    text = text_of(documents.certificate_pdf(certificate), tmp_path)

    for expected in ("会员证书", "贺州市", "理事单位", certificate.number, f"{year}年1月1日至{year}年12月31日"):
        assert expected in text, expected


def qr_modules(pdf):
    """The dark modules of the QR code drawn in a PDF of core.media.pdf, read back from its rectangles."""
    import re

    rects = re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re", pdf)
    boxes = [tuple(float(v) for v in rect) for rect in rects]
    module = min(height for _x, _y, _w, height in boxes if height > 0)
    left, top = min(x for x, *_ in boxes), max(y + h for _x, y, _w, h in boxes)
    dark = set()
    for x, y, width, _height in boxes:
        row = round((top - y) / module) - 1
        for step in range(round(width / module)):
            dark.add((row, round((x - left) / module) + step))
    return dark


def test_the_certificates_qr_code_points_to_its_verification_page(member_city, membership_manager, settings, year):
    import qrcode

    settings.SITE_URL = "https://portal.example.org"
    (certificate,) = certificates.certificates_issue(year=year, by=membership_manager)
    pdf = documents.certificate_pdf(certificate)

    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(f"https://portal.example.org/membership/certificates/{certificate.number}/")
    matrix = code.get_matrix()
    expected = {(r, c) for r, row in enumerate(matrix) for c, dark in enumerate(row) if dark}
    first_dark = min(expected)
    shift = (first_dark[0], min(c for _r, c in expected))
    drawn = qr_modules(pdf[pdf.index(b"0 g ") :])
    assert {(r + shift[0], c + shift[1]) for r, c in drawn} == expected
