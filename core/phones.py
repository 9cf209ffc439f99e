"""Telephone numbers as people in China write them: a mobile is 11 digits starting with 1 (138 0771 1404), a
landline has its area code (0771-2814004, with an extension after a further dash); numbers abroad start with +.
Spaces and dashes between the digits are allowed."""

import re

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

MOBILE = re.compile(r"1[3-9]\d{9}")
LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}(-\d{1,6})?")
ABROAD = re.compile(r"\+\d{7,15}")


def _compact(value: str | None) -> str:
    return re.sub(r"[\s\u3000]", "", value or "").replace("－", "-")


@deconstructible
class PhoneValidator:
    def __init__(self, *, landline: bool = False) -> None:
        self.landline = landline

    def __call__(self, value: str | None) -> None:
        number = _compact(value)
        digits = number.replace("-", "")
        if ABROAD.fullmatch(digits) or MOBILE.fullmatch(digits) or (self.landline and LANDLINE.fullmatch(number)):
            return
        if self.landline:
            raise ValidationError(
                _(
                    "Enter a landline with its area code (0771-2814004), a mobile (11 digits starting "
                    "with 1) or a number abroad starting with +."
                ),
                code="phone",
            )
        raise ValidationError(
            _(
                "Enter a mobile number: 11 digits starting with 1 (e.g. 138 0771 1404), or a number "
                "abroad starting with +."
            ),
            code="mobile",
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PhoneValidator) and other.landline == self.landline


validate_mobile = PhoneValidator()
validate_phone = PhoneValidator(landline=True)


def to_e164(value: str | None) -> str:
    """A mobile number as text messages are addressed: +86 and the 11 digits for China, the number as written
    (digits only after the +) for abroad; "" for anything that is not a mobile."""
    digits = _compact(value).replace("-", "")
    if digits.startswith("+86") and MOBILE.fullmatch(digits[3:]):
        return digits
    if digits.startswith("0086") and MOBILE.fullmatch(digits[4:]):
        return "+86" + digits[4:]
    if MOBILE.fullmatch(digits):
        return "+86" + digits
    if ABROAD.fullmatch(digits):
        return digits
    return ""


def display_e164(number: str) -> str:
    """+8613807711404 as people read it: +86 138 0771 1404."""
    if number.startswith("+86") and len(number) == 14:
        return f"+86 {number[3:6]} {number[6:10]} {number[10:]}"
    return number
