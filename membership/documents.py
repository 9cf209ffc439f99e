"""The papers a member city receives, as PDF: the dues notice (会费缴纳通知), the receipt (收据) and the membership
certificate (会员证书). They are drawn from what is stored, so a paper downloaded twice is the same paper.

They are official papers of a Chinese association and read in Chinese whatever the reader's language, as the
finance rules for receipts require: their wording is written here, not in the catalogues."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header

from core import site
from core.media.pdf import MARGIN, PAGE_HEIGHT, PAGE_WIDTH, Page, document
from core.money import in_capitals, in_figures
from membership.models import Certificate, DuesNotice, Receipt

_Paper = TypeVar("_Paper")
LABEL_X, VALUE_X = MARGIN + 20, MARGIN + 150


def _association_name() -> str:
    profile = site.profile()
    return profile.name if profile else ""


def _rows(page: Page, y: float, rows: list[tuple[str, str]], size: float = 12) -> float:
    for label, value in rows:
        page.text(LABEL_X, y, label, size)
        page.text(VALUE_X, y, value, size)
        y -= size * 2
    return y


def _date(day) -> str:  # type: ignore[no-untyped-def]
    return f"{day.year}年{day.month}月{day.day}日"


def in_chinese(render: Callable[[_Paper], bytes]) -> Callable[[_Paper], bytes]:
    """Render with the portal's Chinese: the level's name and any other choice label come out in Chinese."""

    @wraps(render)
    def wrapper(paper: _Paper) -> bytes:
        with translation.override(settings.LANGUAGE_CODE):
            return render(paper)

    return wrapper


@in_chinese
def notice_pdf(notice: DuesNotice) -> bytes:
    page = Page()
    y = PAGE_HEIGHT - MARGIN - 20
    page.text(PAGE_WIDTH / 2, y, "会费缴纳通知", 22, align="center")
    y -= 50
    page.text(MARGIN, y, f"{notice.city.name}：", 13)
    y -= 30
    body = (
        f"根据本会章程及会员代表大会通过的会费标准，贵单位作为本会{notice.get_level_display()}，"
        f"{notice.year}年度应缴纳会费{in_figures(notice.amount)}（{in_capitals(notice.amount)}）。"
        f"请于{_date(notice.due_on)}前汇至下列账户，并在汇款附言中注明付款参考编码 {notice.reference}，以便核对。"
    )
    y = page.paragraph(MARGIN + 26, y, body, PAGE_WIDTH - 2 * MARGIN - 26, 12) - 16
    page.box(MARGIN, y - 170, PAGE_WIDTH - 2 * MARGIN, 190)
    y = _rows(
        page,
        y,
        [
            ("会员单位", notice.city.name),
            ("会员级别", str(notice.get_level_display())),
            ("会费年度", f"{notice.year}年"),
            ("应缴金额（小写）", in_figures(notice.amount)),
            ("应缴金额（大写）", in_capitals(notice.amount)),
            ("开户名称", notice.payee_name),
            ("开户银行", notice.payee_bank),
            ("银行账号", notice.payee_number),
            ("付款参考编码", notice.reference),
            ("缴费截止日期", _date(notice.due_on)),
        ],
    )
    y -= 40
    page.text(PAGE_WIDTH - MARGIN, y, _association_name(), 13, align="right")
    page.text(PAGE_WIDTH - MARGIN, y - 24, _date(timezone.localtime(notice.issued_at).date()), 12, align="right")
    return document([page], title=f"{notice.year}年度会费缴纳通知 {notice.city.name}")


@in_chinese
def receipt_pdf(receipt: Receipt) -> bytes:
    payment, notice = receipt.payment, receipt.payment.notice
    page = Page(PAGE_WIDTH, 420)
    y = 420 - 50
    page.text(PAGE_WIDTH / 2, y, "收　据" if receipt.reverses_id is None else "收据（红冲）", 22, align="center")
    page.text(PAGE_WIDTH - MARGIN, y - 26, f"No. {receipt.code}", 12, align="right")
    y -= 60
    rows = [
        ("交款单位", notice.city.name),
        ("收款事由", f"{notice.year}年度会费（{notice.get_level_display()}）"),
        ("金额（小写）", in_figures(receipt.amount)),
        ("金额（大写）", in_capitals(receipt.amount)),
        ("付款日期", _date(payment.paid_on)),
        ("付款参考编码", notice.reference),
    ]
    if payment.bank_reference:
        rows.append(("银行流水号", payment.bank_reference))
    if receipt.reverses_id is not None:
        rows.append(("冲销收据", receipt.reverses.code))  # type: ignore[union-attr]
        rows.append(("冲销原因", payment.void_reason))
    page.box(MARGIN, y - len(rows) * 24 + 10, PAGE_WIDTH - 2 * MARGIN, len(rows) * 24 + 14)
    y = _rows(page, y - 6, rows)
    y -= 24
    page.text(PAGE_WIDTH - MARGIN, y, f"收款单位：{_association_name()}", 12, align="right")
    page.text(PAGE_WIDTH - MARGIN, y - 22, _date(timezone.localtime(receipt.issued_at).date()), 12, align="right")
    return document([page], title=f"收据 {receipt.code}")


@in_chinese
def certificate_pdf(certificate: Certificate) -> bytes:
    page = Page(PAGE_HEIGHT, PAGE_WIDTH)  # landscape
    width, height = page.width, page.height
    page.box(30, 30, width - 60, height - 60, 3)
    page.box(40, 40, width - 80, height - 80, 0.8)
    page.text(width / 2, height - 120, "会员证书", 40, align="center")
    page.text(
        width / 2,
        height - 210,
        f"{certificate.city.name}为{_association_name()}{certificate.get_level_display()}。",
        20,
        align="center",
    )
    page.text(
        width / 2,
        height - 260,
        f"有效期：{_date(certificate.valid_from)}至{_date(certificate.valid_until)}",
        14,
        align="center",
    )
    page.text(90, 120, f"证书编号：{certificate.number}", 13)
    page.text(90, 96, "扫描右侧二维码，可查验本证书是否有效。", 11)
    page.text(width - 220, 150, _association_name(), 14, align="right")
    page.text(width - 220, 126, _date(timezone.localtime(certificate.issued_at).date()), 12, align="right")
    page.qr(width - 190, 70, 110, settings.SITE_URL.rstrip("/") + certificate.get_absolute_url())
    return document([page], title=f"会员证书 {certificate.number}")


def pdf_download(content: bytes, filename: str) -> HttpResponse:
    """A paper as an attachment, kept out of shared caches (it belongs to one city)."""
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    response["Cache-Control"] = "private, no-store"
    return response
