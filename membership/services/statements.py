"""Bank statements: each row of money in is matched to a dues notice (by the payment reference in its memo, or by
the amount and the city's name) and recorded as a payment with its receipt; the rest wait for a person.

The whole file is one transaction: a row that cannot be read records nothing of that file, and a file imported
again (or a transaction seen in an earlier statement) records nothing twice."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import MemberCity
from membership.models import DuesNotice, Payment, Statement, StatementRow
from membership.services.dues import notice_reference, record_payment
from membership.statement_files import BankRow, read_rows

if TYPE_CHECKING:
    from django.contrib.auth.models import User

REFERENCE = re.compile(r"HF\s*(\d{4})\s*[-－—_]?\s*(\d{5})", re.IGNORECASE)
MAX_ERRORS_SHOWN = 10


@dataclass
class ImportResult:
    statement: Statement
    matched: int = 0
    unmatched: int = 0
    ignored: int = 0
    seen_before: int = 0
    errors: list[str] = field(default_factory=list)


class _Matcher:
    """The open notices, by reference and by amount, with what is still outstanding as payments are recorded."""

    def __init__(self) -> None:
        self.by_reference: dict[str, DuesNotice] = {}
        self.by_amount: dict[Decimal, list[DuesNotice]] = defaultdict(list)
        self.outstanding: dict[int, Decimal] = {}
        for notice in DuesNotice.objects.outstanding().select_related("city"):
            self.by_reference[notice.reference] = notice
            self.by_amount[notice.outstanding].append(notice)
            self.outstanding[notice.pk] = notice.outstanding

    def find(self, row: BankRow) -> DuesNotice | None:
        found = REFERENCE.search(row.memo) or REFERENCE.search(row.payer)
        if found:
            notice = self.by_reference.get(notice_reference(int(found[1]), int(found[2])))
            return notice if notice and row.amount <= self.outstanding[notice.pk] else None
        candidates = [
            notice
            for notice in self.by_amount.get(row.amount, [])
            if self.outstanding[notice.pk] == row.amount and _names(notice.city, row.payer + row.memo)
        ]
        return candidates[0] if len(candidates) == 1 else None

    def paid(self, notice: DuesNotice, amount: Decimal) -> None:
        self.outstanding[notice.pk] -= amount


def _names(city: MemberCity, text: str) -> bool:
    return city.name in text or (len(city.short_name) >= 2 and city.short_name in text)


def statement_import(*, data: bytes, filename: str, by: User) -> ImportResult:
    if not (by.has_perm("membership.add_statement") and by.has_perm("membership.add_payment")):
        raise PermissionDenied
    fingerprint = hashlib.sha256(data).hexdigest()
    earlier = Statement.objects.filter(sha256=fingerprint).first()
    if earlier is not None:
        raise ValidationError(
            _("This statement was imported on %(date)s (%(file)s). Nothing was recorded again.")
            % {"date": timezone.localtime(earlier.imported_at).strftime("%Y-%m-%d %H:%M"), "file": earlier.filename}
        )
    errors = [str(item.message) for item in read_rows(data) if isinstance(item, ValidationError)]
    if errors:
        shown = errors[:MAX_ERRORS_SHOWN]
        if len(errors) > MAX_ERRORS_SHOWN:
            shown.append(_("… and %(count)d more.") % {"count": len(errors) - MAX_ERRORS_SHOWN})
        raise ValidationError([_("Nothing of this file was recorded."), *shown])
    with transaction.atomic():
        statement = Statement.objects.create(sha256=fingerprint, filename=filename[:200], imported_by=by)
        result = ImportResult(statement)
        matcher = _Matcher()
        known = set(StatementRow.objects.values_list("bank_reference", flat=True))
        known |= set(Payment.objects.exclude(bank_reference="").values_list("bank_reference", flat=True))
        for row in read_rows(data):
            assert isinstance(row, BankRow)  # every row was read in the first pass
            if row.bank_reference in known:
                result.seen_before += 1
                continue
            known.add(row.bank_reference)
            record = StatementRow(
                statement=statement,
                line=row.line,
                booked_on=row.booked_on,
                amount=row.amount,
                payer=row.payer[:200],
                memo=row.memo[:300],
                bank_reference=row.bank_reference,
            )
            notice = matcher.find(row) if row.amount > 0 else None
            if row.amount <= 0:
                record.state = StatementRow.State.IGNORED
                result.ignored += 1
            elif notice is None:
                record.state = StatementRow.State.UNMATCHED
                result.unmatched += 1
            else:
                receipt = record_payment(
                    notice=notice, amount=row.amount, paid_on=row.booked_on, bank_reference=row.bank_reference, by=by
                )
                matcher.paid(notice, row.amount)
                record.state, record.payment = StatementRow.State.MATCHED, receipt.payment
                result.matched += 1
            record.save()
    return result


def statement_row_match(*, row: StatementRow, notice: DuesNotice, by: User) -> StatementRow:
    """A person matches a row the import could not: it becomes a payment of that notice, with its receipt."""
    with transaction.atomic():
        row = StatementRow.objects.select_for_update().get(pk=row.pk)
        if row.state != StatementRow.State.UNMATCHED:
            raise ValidationError(_("This row is matched or set aside already."))
        receipt = record_payment(
            notice=notice, amount=row.amount, paid_on=row.booked_on, bank_reference=row.bank_reference, by=by
        )
        row.state, row.payment = StatementRow.State.MATCHED, receipt.payment
        row.save(update_fields=["state", "payment"])
    return row


def statement_row_ignore(*, row: StatementRow, by: User) -> StatementRow:
    """Money in that is not dues (a donation, a refund): set aside, so it no longer waits for a person."""
    if not by.has_perm("membership.change_statementrow"):
        raise PermissionDenied
    updated = StatementRow.objects.filter(pk=row.pk, state=StatementRow.State.UNMATCHED).update(
        state=StatementRow.State.IGNORED
    )
    if not updated:
        raise ValidationError(_("This row is matched or set aside already."))
    row.refresh_from_db()
    return row
