"""Rules that change members' data: officers' accounts, invitations and contact details."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core import publication, site
from core.mail import outbox
from core.phones import to_e164
from members import contributions
from members.contributions import LIAISON_OFFICERS
from members.models import LiaisonOfficer, MemberCity, MembershipChange

if TYPE_CHECKING:
    from django.contrib.auth.models import User

CONTACT_FIELDS = ("position", "office_phone", "mobile", "email", "language")


def officer_account_for(*, email: str, name: str) -> User:
    """The officer's sign-in account: a re-appointed officer keeps the (non-staff) account of their
    e-mail address; otherwise a new one, not staff, without a password until the invitation is accepted."""
    User = get_user_model()
    existing = User.objects.filter(email__iexact=email, is_staff=False, liaison_roles__isnull=False).distinct().first()
    if existing is not None:
        return existing
    base = slugify(email.split("@")[0]) or "officer"
    username, n = base, 1
    while User.objects.filter(username=username).exists():
        n += 1
        username = f"{base}{n}"
    user = User(username=username, email=email, first_name=name, is_staff=False)
    user.set_unusable_password()
    user.save()
    user.groups.add(Group.objects.get_or_create(name=LIAISON_OFFICERS)[0])
    return user


def invitation_link(user: User, *, base_url: str) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return base_url.rstrip("/") + reverse("accept_invitation", args=[uid, token])


def officer_invite(*, officer: LiaisonOfficer, by: User, base_url: str) -> None:
    """E-mail the officer a one-time link to set their password; it expires after PASSWORD_RESET_TIMEOUT."""
    if not by.has_perm("members.change_liaisonofficer"):
        raise PermissionDenied
    link = invitation_link(officer.user, base_url=base_url)
    context = {"officer": officer, "link": link, "association": site.profile(), "username": officer.user.username}
    subject, body = outbox.compose("members/email/invitation", context, officer.email_language)
    with transaction.atomic():
        officer.invited_at = timezone.now()
        officer.save(update_fields=["invited_at"])
        outbox.enqueue(
            kind=contributions.INVITATION.code,
            key=f"invitation:officer-{officer.pk}:{officer.invited_at.isoformat()}",
            to=[officer.email],
            subject=subject,
            body=body,
            language=officer.email_language,
        )


def officer_update_contact(*, officer: LiaisonOfficer, by: User, data: Mapping[str, Any]) -> LiaisonOfficer:
    """The officer corrects their own contact details; the history keeps who changed what, and when."""
    if officer.user_id != by.pk:
        raise PermissionDenied
    officer = LiaisonOfficer.objects.select_related("user").get(pk=officer.pk)  # compare with what is stored
    changed = [field for field in CONTACT_FIELDS if getattr(officer, field) != data[field]]
    if not changed:
        return officer
    for field in changed:
        setattr(officer, field, data[field])
    officer._change_reason = "contact details corrected by the officer"  # type: ignore[attr-defined]  # for simple-history
    officer.full_clean()
    officer.save()
    if "email" in changed:
        officer_sync_account_email(officer=officer)
    if "mobile" in changed and officer.sms_enabled:
        # The consent was for SMS to their mobile: it follows the new number, or stops without one.
        officer_set_sms(officer=officer, on=bool(to_e164(officer.mobile)), by=by)
        officer.refresh_from_db()
    return officer


def officer_sync_account_email(*, officer: LiaisonOfficer) -> None:
    """The sign-in account follows the officer's e-mail, so sign-in and password reset use the new address."""
    if officer.user.email != officer.email:
        officer.user.email = officer.email
        officer.user.save(update_fields=["email"])


def membership_change(
    *,
    city: MemberCity,
    by: User,
    effective_on: datetime.date,
    level: str,
    status: str,
    reason: str,
    meeting: str,
    resolution: str = "",
) -> MembershipChange:
    """Record a decision on a city's level or status (active, suspended, left) and apply it. A membership never
    lapses by itself: suspending a city late with its dues is such a decision, recorded by staff."""
    if not by.has_perm("members.change_membercity"):
        raise PermissionDenied
    with transaction.atomic():
        city = MemberCity.objects.select_for_update().get(pk=city.pk)
        change = MembershipChange(
            city=city,
            effective_on=effective_on,
            level_before=city.membership_level,
            level_after=level,
            status_before=city.status,
            status_after=status,
            reason=reason,
            meeting=meeting,
            resolution=resolution,
            recorded_by=by,
        )
        change.full_clean()
        if (level, status) == (city.membership_level, city.status):
            raise ValidationError(_("This is the city's level and status already: nothing would change."))
        change.save()
        city.membership_level, city.status = level, status
        if status == MemberCity.Status.ACTIVE and city.joined_on is None:
            city.joined_on = effective_on
        with publication.changing(city):  # the directory's counts by level, the city's own page and search entry
            city.save(update_fields=["membership_level", "status", "joined_on"])
    return change


@transaction.atomic
def officer_set_sms(*, officer: LiaisonOfficer, on: bool, by: User) -> LiaisonOfficer:
    """The officer turns urgent notices by SMS on (consenting, for the mobile number on record) or off. Turning it
    off also stops what waits to be sent; staff may turn it off, only the officer can turn it on."""
    from core.sms import outbox as sms_outbox
    from core.sms.models import SmsOptOut

    officer = LiaisonOfficer.objects.select_for_update().get(pk=officer.pk)
    now = timezone.now()
    if on:
        if officer.user_id != by.pk:
            raise PermissionDenied
        number = to_e164(officer.mobile)
        if not number:
            raise ValidationError(_("Enter your mobile number in your contact details first, then turn SMS on."))
        officer.sms_enabled, officer.sms_number, officer.sms_consent_at = True, number, now
        officer._change_reason = "SMS turned on, with consent, by the officer"  # type: ignore[attr-defined]
        sms_outbox.opt_in(number=number)
    else:
        if officer.user_id != by.pk and not by.has_perm("members.change_liaisonofficer"):
            raise PermissionDenied
        officer.sms_enabled, officer.sms_opted_out_at = False, now
        officer._change_reason = "SMS turned off"  # type: ignore[attr-defined]
        if officer.sms_number:
            via = SmsOptOut.Via.DESK if officer.user_id == by.pk else SmsOptOut.Via.STAFF
            sms_outbox.opt_out(number=officer.sms_number, via=via)
    officer.save()
    return officer


def officers_opted_out(*, number: str, **kwargs: Any) -> int:
    """A number replied "stop" (or opted out elsewhere): SMS goes off for every officer who gave it."""
    return LiaisonOfficer.objects.filter(sms_number=number, sms_enabled=True).update(
        sms_enabled=False, sms_opted_out_at=timezone.now()
    )
