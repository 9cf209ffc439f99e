"""Membership certificates: numbered per year without gaps, valid for a calendar year, revocable."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import MemberCity
from membership.models import Certificate
from membership.services.numbers import take_numbers

if TYPE_CHECKING:
    from django.contrib.auth.models import User

SERIES = "certificate"


def certificate_number(year: int, number: int) -> str:
    return f"ZS{year}-{number:05d}"


def certificates_issue(*, year: int, by: User) -> list[Certificate]:
    """A certificate for every active member city that has no valid one for `year`, at its current level."""
    if not by.has_perm("membership.add_certificate"):
        raise PermissionDenied
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    cities = list(
        MemberCity.objects.filter(status=MemberCity.Status.ACTIVE)
        .exclude(certificates__valid_from=start, certificates__revoked_at__isnull=True)
        .order_by("region__order", "name")
    )
    with transaction.atomic():
        numbers = take_numbers(SERIES, year, len(cities))
        return Certificate.objects.bulk_create(
            Certificate(
                number=certificate_number(year, number),
                city=city,
                level=city.membership_level,
                valid_from=start,
                valid_until=end,
                issued_by=by,
            )
            for city, number in zip(cities, numbers, strict=True)
        )


def certificate_revoke(*, certificate: Certificate, reason: str, by: User) -> Certificate:
    """Revoked certificates stay on record: the verification page then says so."""
    if not by.has_perm("membership.change_certificate"):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError({"revoke_reason": _("Say why the certificate is revoked.")})
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.revoked_at is None:
            certificate.revoked_at, certificate.revoke_reason = timezone.now(), reason.strip()
            certificate.save(update_fields=["revoked_at", "revoke_reason"])
    return certificate
