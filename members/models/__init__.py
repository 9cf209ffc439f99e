"""Member cities, their mayors and liaison officers, the awards officers receive, and the member register."""

from members.models.cities import (
    LiaisonAward,
    LiaisonOfficer,
    LiaisonOfficerQuerySet,
    Mayor,
    MemberCity,
    MemberCityQuerySet,
    Region,
    email_used_by_another_account,
    interface_languages,
    phone_number,
)
from members.models.register import IndividualMember, MembershipChange, MembershipLevel

__all__ = [
    "IndividualMember",
    "LiaisonAward",
    "LiaisonOfficer",
    "LiaisonOfficerQuerySet",
    "Mayor",
    "MemberCity",
    "MemberCityQuerySet",
    "MembershipChange",
    "MembershipLevel",
    "Region",
    "email_used_by_another_account",
    "interface_languages",
    "phone_number",
]
