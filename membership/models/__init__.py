"""Applications to join, dues and receipts, bank statements and certificates."""

from membership.models.applications import Application, ApplicationQuerySet
from membership.models.certificates import Certificate
from membership.models.dues import ZERO, DuesNotice, DuesNoticeQuerySet, DuesRate, PayeeAccount, Payment, Receipt
from membership.models.numbers import NumberCounter
from membership.models.statements import Statement, StatementRow

__all__ = [
    "ZERO",
    "Application",
    "ApplicationQuerySet",
    "Certificate",
    "DuesNotice",
    "DuesNoticeQuerySet",
    "DuesRate",
    "NumberCounter",
    "PayeeAccount",
    "Payment",
    "Receipt",
    "Statement",
    "StatementRow",
]
