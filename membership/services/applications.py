"""Applications to join: received from the public form, reviewed by the secretariat, decided by the council. On
approval the city enters the register (or comes back to it) and its contact is invited as liaison officer. Each
step tells the applicant through the outbox."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.mail import outbox
from members import services as member_services
from members.models import LiaisonOfficer, MemberCity
from membership import contributions
from membership.models import Application

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from members.models import Region


def _same_city(name: str) -> Q:
    """平果市, 平果 and 平果县 name the same applicant."""
    short = MemberCity(name=name.strip()).short_name
    names = [short, *(short + suffix for suffix in MemberCity.CHINESE_SUFFIXES)]
    return Q(city_name__in=names) | Q(city__name__in=names)


def open_application_for(city_name: str) -> Application | None:
    return Application.objects.open().filter(_same_city(city_name)).first()


def _tell_applicant(application: Application, step: str) -> None:
    context = {"application": application, "step": step}
    subject, body = outbox.compose(f"membership/email/application_{step}", context, application.language)
    outbox.enqueue(
        kind=contributions.APPLICATION.code,
        key=f"application:{application.pk}:{step}",
        to=[application.contact_email],
        subject=subject,
        body=body,
        language=application.language,
    )


def application_submit(*, data: dict[str, Any], language: str) -> Application:
    """A city's application from the public form. A second one while the first is open is refused, naming it."""
    with transaction.atomic():
        existing = open_application_for(data["city_name"])
        if existing is not None:
            raise ValidationError(
                _(
                    "An application from %(city)s is already open (%(reference)s, received on %(date)s). The "
                    "secretariat will contact %(contact)s about it; there is no need to apply again."
                )
                % {
                    "city": existing.city_name,
                    "reference": existing.reference,
                    "date": timezone.localtime(existing.submitted_at).date().isoformat(),
                    "contact": existing.contact_name,
                },
                code="duplicate",
            )
        application = Application(**data, language=language)
        application.city = MemberCity.objects.filter(name=application.city_name.strip()).first()
        application.full_clean()
        application.save()
        _tell_applicant(application, "received")
    return application


def _require(by: User) -> None:
    if not by.has_perm("membership.change_application"):
        raise PermissionDenied


def _locked(application: Application, *states: str) -> Application:
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.state not in states:
        raise ValidationError(
            _("This application is %(state)s: that step is not open.") % {"state": application.get_state_display()}
        )
    return application


def application_review(*, application: Application, by: User, recommend: bool, note: str) -> Application:
    """The secretariat's review: put it to the council, or turn it down (with the reason the applicant reads)."""
    _require(by)
    if not recommend and not note.strip():
        raise ValidationError({"review_note": _("Say why the application is not put to the council.")})
    with transaction.atomic():
        application = _locked(application, Application.State.SUBMITTED)
        application.state = Application.State.RECOMMENDED if recommend else Application.State.REJECTED
        application.reviewed_by, application.reviewed_at = by, timezone.now()
        application.review_note = note.strip()
        application.save()
        _tell_applicant(application, "recommended" if recommend else "rejected")
    return application


def _city_for(application: Application, level: str, region: Region) -> MemberCity:
    if application.city is not None:
        return application.city
    base = slugify(application.city_name, allow_unicode=False) or "city"
    slug, n = base, 1
    while MemberCity.objects.filter(slug=slug).exists() or slug == "honours":
        n += 1
        slug = f"{base}-{n}"
    return MemberCity.objects.create(
        name=application.city_name.strip(),
        slug=slug,
        level=application.city_level,
        region=region,
        status=MemberCity.Status.LEFT,  # membership_change below makes it a member, recording the decision
        membership_level=level,
    )


def application_decide(
    *,
    application: Application,
    by: User,
    approved: bool,
    meeting: str,
    resolution: str,
    decided_on: datetime.date,
    level: str | None = None,
    base_url: str,
) -> Application:
    """The council's decision, recorded with its meeting and resolution. On approval the city is added to the
    register (or re-activated) at the level decided, and the contact person is invited as its liaison officer."""
    _require(by)
    if not meeting.strip():
        raise ValidationError({"decision_meeting": _("Name the meeting that decided.")})
    with transaction.atomic():
        application = _locked(application, Application.State.RECOMMENDED)
        application.decided_by, application.decided_on = by, decided_on
        application.decision_meeting, application.decision_resolution = meeting.strip(), resolution.strip()
        if not approved:
            application.state = Application.State.REJECTED
            application.save()
            _tell_applicant(application, "rejected")
            return application
        level = level or application.intended_level
        city = _city_for(application, level, application.region)
        member_services.membership_change(
            city=city,
            by=by,
            effective_on=decided_on,
            level=level,
            status=MemberCity.Status.ACTIVE,
            reason=_("Application %(reference)s approved.") % {"reference": application.reference},
            meeting=application.decision_meeting,
            resolution=application.decision_resolution,
        )
        application.city, application.state = city, Application.State.APPROVED
        application.save()
        officer = LiaisonOfficer.objects.filter(city=city, email__iexact=application.contact_email).first()
        if officer is None:
            officer = LiaisonOfficer(
                city=city,
                name=application.contact_name,
                position=application.contact_position,
                office_phone=application.contact_phone,
                email=application.contact_email,
                language=application.language,
                appointed_on=decided_on,
            )
            officer.user = member_services.officer_account_for(email=officer.email, name=officer.name)
            officer.full_clean()
            officer.save()
        _tell_applicant(application, "approved")
        member_services.officer_invite(officer=officer, by=by, base_url=base_url)
    return application
