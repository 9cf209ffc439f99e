"""Amounts in figures and in Chinese capitals, as financial papers write them."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.money import in_capitals, in_figures, to_yuan


@pytest.mark.parametrize(
    "amount, capitals",
    [
        ("20000", "人民币贰万元整"),
        ("12500.50", "人民币壹万贰仟伍佰元伍角整"),
        ("1005.07", "人民币壹仟零伍元零柒分"),
        ("100010", "人民币壹拾万零壹拾元整"),
        ("10", "人民币壹拾元整"),
        ("0.05", "人民币伍分"),
        ("0", "人民币零元整"),
        ("1000000", "人民币壹佰万元整"),
        ("30050", "人民币叁万零伍拾元整"),
        ("110000000.01", "人民币壹亿壹仟万元零壹分"),
        ("-1500", "人民币负壹仟伍佰元整"),
    ],
)
def test_amounts_in_capitals(amount, capitals):
    assert in_capitals(Decimal(amount)) == capitals


def test_amounts_in_figures_have_the_yuan_sign_thousands_and_two_places():
    assert in_figures(Decimal("20000")) == "¥20,000.00"
    assert in_figures(Decimal("-1500.5")) == "-¥1,500.50"


def test_money_is_never_float():
    with pytest.raises(TypeError):
        to_yuan(0.1)


def _read_capitals(text):
    """An independent reading of the capitals back into a number, to check the writer."""
    digits = {c: n for n, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
    places = {"拾": 10, "佰": 100, "仟": 1000}
    body = text.removeprefix("人民币").removesuffix("整")
    total, section, digit = Decimal(0), 0, 0
    yuan_part, _, cents_part = body.partition("元")
    if not cents_part and "元" not in body:  # only 角/分
        yuan_part, cents_part = "", body
    big = 0
    for char in yuan_part:
        if char in digits:
            digit = digits[char]
        elif char in places:
            section += digit * places[char]
            digit = 0
        elif char == "万":
            big += (section + digit) * 10000
            section = digit = 0
        elif char == "亿":
            big = (big + section + digit) * 100000000
            section = digit = 0
    total = Decimal(big + section + digit)
    digit = 0
    for char in cents_part:
        if char in digits:
            digit = digits[char]
        elif char == "角":
            total += Decimal(digit) / 10
        elif char == "分":
            total += Decimal(digit) / 100
    return total


@given(st.decimals(min_value=0, max_value=Decimal("999999999999.99"), places=2))
def test_capitals_read_back_to_the_same_amount(amount):
    text = in_capitals(amount)
    assert _read_capitals(text) == amount
    assert text.endswith("整") == (amount * 100 % 10 == 0)
