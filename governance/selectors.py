"""Reads of the bodies, their rosters and votes that pages share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone

from governance.models import Ballot, Body, Choice, CouncilMeeting, Mandate, Motion, Resolution, RollEntry, Term

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User


@dataclass(frozen=True)
class Result:
    """A closed vote's count. Integer arithmetic only: "more than half" is 2·yes > n, "two thirds" 3·yes ≥ 2·n."""

    yes: int
    no: int
    abstain: int
    roll: int
    quorum_met: bool
    adopted: bool

    @property
    def cast(self) -> int:
        return self.yes + self.no + self.abstain

    @property
    def outcome(self) -> str:
        if not self.quorum_met:
            return Resolution.Outcome.NO_QUORUM
        return Resolution.Outcome.ADOPTED if self.adopted else Resolution.Outcome.REJECTED

    @property
    def outcome_label(self) -> str:
        return str(Resolution.Outcome(self.outcome).label)


def quorum_met(quorum: str, *, cast: int, roll: int) -> bool:
    if quorum == Motion.Quorum.HALF:
        return 2 * cast > roll
    if quorum == Motion.Quorum.TWO_THIRDS:
        return 3 * cast >= 2 * roll
    return cast > 0


def majority_reached(majority: str, *, yes: int, cast: int, roll: int) -> bool:
    base = roll if majority in (Motion.Majority.SIMPLE_OF_MEMBERS, Motion.Majority.TWO_THIRDS_OF_MEMBERS) else cast
    if majority in (Motion.Majority.TWO_THIRDS_OF_VOTING, Motion.Majority.TWO_THIRDS_OF_MEMBERS):
        return base > 0 and 3 * yes >= 2 * base
    return 2 * yes > base


def motion_result(motion: Motion) -> Result:
    """The count of a vote whose window has closed (callers check `motion.is_closed`: before, it is sealed)."""
    counts = dict(Ballot.objects.filter(motion=motion).values_list("choice").annotate(n=Count("pk")).order_by())
    yes, no, abstain = (counts.get(choice, 0) for choice in (Choice.YES, Choice.NO, Choice.ABSTAIN))
    cast = yes + no + abstain
    return Result(
        yes=yes,
        no=no,
        abstain=abstain,
        roll=motion.roll_size,
        quorum_met=quorum_met(motion.quorum, cast=cast, roll=motion.roll_size),
        adopted=majority_reached(motion.majority, yes=yes, cast=cast, roll=motion.roll_size),
    )


def current_term(body_id: int) -> Term | None:
    """The body's term in force today (the latest, should two overlap while a new one is elected)."""
    return Term.objects.current().filter(body_id=body_id).order_by("-starts_on").first()


def roster(term: Term) -> QuerySet[Mandate]:
    """The term's members in protocol order; for the current term, those in office today."""
    mandates = Mandate.objects.filter(term=term).for_roster()
    return mandates.current() if term.is_current else mandates


def bodies_with_current_terms(branch_id: int | None) -> list[tuple[Body, Term | None, list[Mandate]]]:
    """The association's bodies (branch None) or a branch's, each with its current term and that term's members in
    protocol order: three queries however many bodies and members."""
    bodies = list(bodies_of(branch_id))
    today = timezone.localdate()
    terms = {term.body_id: term for term in Term.objects.current(today).filter(body__in=bodies).order_by("starts_on")}
    members: dict[int, list[Mandate]] = {}
    for mandate in Mandate.objects.current(today).filter(term__in=terms.values()).for_roster():
        members.setdefault(mandate.term_id, []).append(mandate)
    return [
        (body, terms.get(body.pk), members.get(terms[body.pk].pk, []) if body.pk in terms else []) for body in bodies
    ]


def leadership(on: Any = None) -> list[tuple[Any, list[Mandate]]]:
    """The association's leadership today: holders of the leading positions in its bodies' current terms (the
    leadership page, the about page and the home page read this)."""
    mandates = (
        Mandate.objects.current(on)
        .filter(term__body__branch__isnull=True, position__leading=True)
        .select_related("position", "term")
        .order_by("position__order", "order", "id")
    )
    grouped: dict[Any, list[Mandate]] = {}
    for mandate in mandates:
        grouped.setdefault(mandate.position, []).append(mandate)
    return list(grouped.items())


def president() -> Mandate | None:
    """The first of the association's leadership in protocol order (the home page's line)."""
    return next((holders[0] for _position, holders in leadership()), None)


def bodies_of(branch_id: int | None) -> QuerySet[Body]:
    """The association's own bodies (None) or a branch's."""
    if branch_id is None:
        return Body.objects.filter(branch__isnull=True)
    return Body.objects.filter(branch_id=branch_id)


def former_leaders() -> QuerySet[Mandate]:
    return (
        Mandate.objects.past()
        .filter(term__body__branch__isnull=True, position__leading=True)
        .select_related("position", "term", "term__body")
        .order_by("-term__starts_on", "position__order", "order")
    )


def past_terms(body: Body) -> QuerySet[Term]:
    return (
        Term.objects.past()
        .filter(body=body)
        .prefetch_related(Prefetch("mandates", queryset=Mandate.objects.for_roster()))
        .order_by("-starts_on")
    )


def votes_for(user: User | AnonymousUser) -> QuerySet[RollEntry]:
    """The votes a signed-in person is on the roll of, newest first, with their motions and bodies."""
    if not user.is_authenticated:
        return RollEntry.objects.none()
    return (
        RollEntry.objects.filter(mandate__user=user, motion__state=Motion.State.OPEN)
        .select_related("motion", "motion__body", "mandate")
        .order_by("-motion__closes_at")
    )


def holds_a_mandate(user: Any) -> bool:
    """The person sits on a body today (a django-rules predicate: they read members-only papers)."""
    return bool(user.is_authenticated) and Mandate.objects.current().filter(user=user).exists()


def meetings_for(user: User | AnonymousUser) -> QuerySet[CouncilMeeting]:
    """The recent meetings of the bodies a person sits on today, with their papers."""
    if not user.is_authenticated:
        return CouncilMeeting.objects.none()
    bodies = Mandate.objects.current().filter(user=user).values("term__body_id")
    return (
        CouncilMeeting.objects.filter(body_id__in=bodies)
        .select_related("body")
        .prefetch_related("papers")
        .order_by("-held_on", "-id")[:10]
    )


def desk_votes(officer: Any) -> dict[str, Any]:
    """The desk's section: votes the officer's account may cast or read (for officers who are also members)."""
    entries = list(votes_for(officer.user)[:20])
    return {"open": [e for e in entries if e.motion.is_open], "closed": [e for e in entries if e.motion.is_closed]}
