"""What the officer's desk shows of their text messages."""

from dataclasses import dataclass, field
from typing import Any

from core import registry
from core.phones import display_e164, to_e164
from core.sms.models import OutgoingSms, SmsTemplate
from members.models import LiaisonOfficer


@dataclass(frozen=True)
class SmsOnDesk:
    on: bool
    number: str  # as people read it: the one in use, or the mobile it would go to
    has_mobile: bool
    consent_at: Any
    kinds: list[Any] = field(default_factory=list)  # labels of the notices that also go by SMS
    recent: list[OutgoingSms] = field(default_factory=list)


def sms_for(officer: LiaisonOfficer) -> SmsOnDesk:
    declared = registry.sms_kinds()
    in_use = SmsTemplate.objects.filter(is_active=True, kind__in=list(declared)).values_list("kind", flat=True)
    number = officer.sms_number if officer.sms_enabled else to_e164(officer.mobile)
    recent = list(OutgoingSms.objects.filter(to=number).order_by("-created_at")[:5]) if number else []
    return SmsOnDesk(
        on=officer.sms_enabled,
        number=display_e164(number),
        has_mobile=bool(number),
        consent_at=officer.sms_consent_at,
        kinds=[declared[kind].label for kind in sorted(in_use)],
        recent=recent,
    )
