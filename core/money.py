"""Amounts of money in yuan: always Decimal, written in figures (¥20,000.00) and in Chinese capitals
(人民币贰万元整), as cheques, receipts and notices require."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
DIGITS = "零壹贰叁肆伍陆柒捌玖"
PLACES = ((3, "仟"), (2, "佰"), (1, "拾"), (0, ""))
SECTIONS = ("", "万", "亿", "万亿")


def to_yuan(amount: Decimal | int | str) -> Decimal:
    """Exactly two decimal places; floats are refused (they cannot hold 0.10 exactly)."""
    if isinstance(amount, float):
        raise TypeError("money is Decimal, never float")
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def in_figures(amount: Decimal | int | str) -> str:
    """¥20,000.00 (a minus sign before the ¥ for a negative amount)."""
    value = to_yuan(amount)
    sign = "-" if value < 0 else ""
    return f"{sign}¥{abs(value):,.2f}"


def _section(number: int) -> str:
    """1 to 9999 in capitals, with one 零 for each run of zeros between figures (1005 → 壹仟零伍)."""
    text, zero_pending = "", False
    for power, place in PLACES:
        digit = number // 10**power % 10
        if digit == 0:
            zero_pending = zero_pending or bool(text)
            continue
        if zero_pending:
            text += "零"
            zero_pending = False
        text += DIGITS[digit] + place
    return text


def _whole_yuan(number: int) -> str:
    sections = []
    while number:
        sections.append(number % 10000)
        number //= 10000
    if len(sections) > len(SECTIONS):
        raise ValueError("amount too large")
    text, zero_pending = "", False
    for index in range(len(sections) - 1, -1, -1):
        value = sections[index]
        if value == 0:
            zero_pending = bool(text)
            continue
        if text and (zero_pending or value < 1000):
            text += "零"
        text += _section(value) + SECTIONS[index]
        zero_pending = False
    return text


def in_capitals(amount: Decimal | int | str) -> str:
    """人民币贰万元整, 人民币壹仟零伍元零柒分, 人民币叁佰元伍角整: the 大写 amount, as the central bank's rules
    for financial documents write it (整 after 元 or 角, none after 分)."""
    value = to_yuan(amount)
    sign = "负" if value < 0 else ""
    cents = int(abs(value) * 100)
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    text = _whole_yuan(yuan) + "元" if yuan else ""
    if jiao:
        text += DIGITS[jiao] + "角"
    elif fen and yuan:
        text += "零"
    if fen:
        text += DIGITS[fen] + "分"
    else:
        text = (text or "零元") + "整"
    return f"人民币{sign}{text}"
