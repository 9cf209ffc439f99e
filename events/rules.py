"""The rules of a delegation's list of delegates, in one place: the officer's form, the guest's form, the admin's
inline and the services all ask delegate_problems(). The database also keeps at most one head per delegation."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.translation import gettext as _


def delegate_problems(event: Any, people: Iterable[Mapping[str, Any]]) -> list[str]:
    """What is wrong with these delegates for this meeting (nothing: an empty list)."""
    people = list(people)
    problems = []
    if not people:
        problems.append(_("Add at least one delegate."))
    elif len(people) > event.per_city_limit:
        problems.append(
            _("At most %(limit)d delegates per city may attend this meeting.") % {"limit": event.per_city_limit}
        )
    if people and sum(1 for person in people if person.get("is_head")) != 1:
        problems.append(_("Name exactly one head of delegation."))
    ranks = [person.get("rank") for person in people if person.get("rank") is not None]
    shared = sorted({rank for rank in ranks if ranks.count(rank) > 1})
    if shared:
        problems.append(
            _("Two delegates cannot share a protocol rank (%(ranks)s): give each their own place, 1 the most senior.")
            % {"ranks": "、".join(str(rank) for rank in shared)}
        )
    return problems
