"""Every change to a call for nominations goes through here: a city names its nominee, jurors score the nominations
(never their own city's), and the decision writes the honours. Each step tells the people concerned through the
outbox."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from core.locks import atomic_with_lock_timeout
from core.mail import outbox
from members.models import LiaisonAward, LiaisonOfficer
from surveys import services
from surveys.models import SCORE_MAX, Juror, Nomination, NominationCall, Response, Score

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def nominee_choose(
    *, call: NominationCall, by: LiaisonOfficer, nominee: LiaisonOfficer | None = None, name: str = ""
) -> Nomination:
    """The city names (or changes) its nominee while the call takes nominations: one of its current officers, or,
    for a call of another category, the name of what it nominates."""
    if call.nominee_kind == NominationCall.NomineeKind.OFFICER:
        if nominee is None or nominee.city_id != by.city_id or not nominee.is_current:
            raise ValidationError(_("Nominate a current liaison officer of your own city."))
        name = ""
    else:
        nominee, name = None, name.strip()[:200]
        if not name:
            raise ValidationError(_("Name what your city nominates."))
    questionnaire = call.questionnaire
    if call.state != NominationCall.State.OPEN or not questionnaire.is_open:
        raise ValidationError(_("This call is not taking nominations."))
    if not services.is_for(questionnaire, by.city):
        raise PermissionDenied
    response = services.response_for_city(questionnaire=questionnaire, city=by.city)
    with transaction.atomic():
        nomination, _created = Nomination.objects.select_for_update().get_or_create(
            call=call, response=response, defaults={"officer": nominee, "nominee": name}
        )
        if nomination.officer != nominee or nomination.nominee != name:
            nomination.officer, nomination.nominee = nominee, name
            nomination.save(update_fields=["officer", "nominee"])
    return nomination


def nominations_for(juror: Juror) -> QuerySet[Nomination]:
    """The submitted nominations a juror scores: all but their own city's."""
    found = Nomination.objects.filter(call_id=juror.call_id, response__state=Response.State.SUBMITTED)
    if juror.city_id:
        found = found.exclude(response__city_id=juror.city_id)
    return found.select_related("officer", "response__city")


@atomic_with_lock_timeout
def scores_save(*, juror: Juror, nomination: Nomination, values: dict[int, int]) -> None:
    """A juror's scores for one nomination, one per criterion, 0 to SCORE_MAX; changeable until the decision."""
    if not nominations_for(juror).filter(pk=nomination.pk).exists():
        raise PermissionDenied
    if NominationCall.objects.get(pk=juror.call_id).state != NominationCall.State.OPEN:
        raise ValidationError(_("The jury's work on this call is over."))
    criteria = set(juror.call.criteria.values_list("pk", flat=True))
    if set(values) != criteria or not all(0 <= value <= SCORE_MAX for value in values.values()):
        raise ValidationError(_("Give every criterion a score from 0 to %(max)s.") % {"max": SCORE_MAX})
    for criterion_id, value in values.items():
        Score.objects.update_or_create(
            nomination=nomination, juror=juror, criterion_id=criterion_id, defaults={"value": value}
        )


@dataclass
class Ranked:
    nomination: Nomination
    total: Decimal  # Σ weight × the jurors' mean score, over the criteria that count
    means: list[Decimal | None]  # per criterion, in order (those of weight 0 shown too)
    jurors: int


def ranking(call: NominationCall) -> list[Ranked]:
    """The submitted nominations, best first (three queries)."""
    criteria = list(call.criteria.all())
    nominations = list(
        Nomination.objects.filter(call=call, response__state=Response.State.SUBMITTED).select_related(
            "officer", "response__city"
        )
    )
    sums: dict[tuple[int, int], list[int]] = {}
    jurors: dict[int, set[int]] = {}
    for score in Score.objects.filter(nomination__call=call).only("nomination_id", "criterion_id", "juror_id", "value"):
        sums.setdefault((score.nomination_id, score.criterion_id), []).append(score.value)
        jurors.setdefault(score.nomination_id, set()).add(score.juror_id)
    ranked = []
    for nomination in nominations:
        means = []
        total = Decimal(0)
        for criterion in criteria:
            given = sums.get((nomination.pk, criterion.pk))
            mean = (Decimal(sum(given)) / len(given)).quantize(Decimal("0.01")) if given else None
            means.append(mean)
            if mean is not None:
                total += criterion.weight * mean
        ranked.append(Ranked(nomination, total.quantize(Decimal("0.01")), means, len(jurors.get(nomination.pk, ()))))
    return sorted(ranked, key=lambda row: (-row.total, row.nomination.response.city_id or 0))


@atomic_with_lock_timeout
def call_decide(*, call: NominationCall, honoured: list[int], by: User) -> int:
    """The secretariat's decision: the chosen nominations are honoured (written to the honours page with the call's
    year and honour), the others not; every nominating city is told. Returns how many were honoured."""
    if not by.has_perm("surveys.change_nominationcall"):
        raise PermissionDenied(_("You may not decide on nominations."))
    call = NominationCall.objects.select_for_update().get(pk=call.pk)
    if call.state != NominationCall.State.OPEN:
        raise ValidationError(_("This call has already been decided."))
    submitted = Nomination.objects.filter(call=call, response__state=Response.State.SUBMITTED).select_related(
        "officer", "response"
    )
    chosen = [nomination for nomination in submitted if nomination.pk in set(honoured)]
    if len(chosen) != len(set(honoured)):
        raise ValidationError(_("Only submitted nominations of this call can be honoured."))
    if len(chosen) > call.places:
        raise ValidationError(_("At most %(places)s can be honoured.") % {"places": call.places})
    for nomination in submitted:
        nomination.decision = Nomination.Decision.HONOURED if nomination in chosen else Nomination.Decision.NOT_HONOURED
        nomination.save(update_fields=["decision"])
    LiaisonAward.objects.bulk_create(
        [
            LiaisonAward(officer=nomination.officer, year=call.year, title=call.honour)
            for nomination in chosen
            if nomination.officer is not None  # officers go to the honours page; the call's page lists every honour
        ],
        ignore_conflicts=True,
    )
    call.state = NominationCall.State.DECIDED
    call.save(update_fields=["state"])
    _tell_cities(call, list(submitted))
    return len(chosen)


def _tell_cities(call: NominationCall, nominations: list[Nomination]) -> None:
    from surveys.contributions import NOMINATION

    messages: list[dict[str, Any]] = []
    for nomination in nominations:
        officers = LiaisonOfficer.objects.current().filter(city_id=nomination.response.city_id).exclude(email="")
        for officer in officers:
            context = {"call": call, "nomination": nomination, "officer": officer}
            messages.append(
                outbox.composed(
                    kind=NOMINATION.code,
                    key=f"nomination-decided:{nomination.pk}:{officer.pk}",
                    to=officer.email,
                    template="surveys/email/nomination_decided",
                    context=context,
                    language=officer.email_language,
                )
            )
    outbox.enqueue_many(messages)


def nomination_submitted(*, response: Response) -> None:
    """After a city submits (or changes) its nomination: its officers are told it was received, and the jurors that
    it waits for their scores; once per nomination, however often it is changed."""
    from django.urls import reverse

    from surveys.contributions import NOMINATION

    nomination = Nomination.objects.select_related("call", "officer").filter(response=response).first()
    if nomination is None:
        return
    messages: list[dict[str, Any]] = []
    for officer in LiaisonOfficer.objects.current().filter(city_id=response.city_id).exclude(email=""):
        context = {"call": nomination.call, "nomination": nomination, "officer": officer}
        messages.append(
            outbox.composed(
                kind=NOMINATION.code,
                key=f"nomination-received:{nomination.pk}:{officer.pk}",
                to=officer.email,
                template="surveys/email/nomination_received",
                context=context,
                language=officer.email_language,
            )
        )
    jurors = Juror.objects.filter(call=nomination.call).exclude(city_id=response.city_id).select_related("user")
    for juror in jurors.exclude(user__email=""):
        context = {"call": nomination.call, "link": reverse("jury:nominations", args=[nomination.call_id])}
        messages.append(
            outbox.composed(
                kind=NOMINATION.code,
                key=f"nomination-to-score:{nomination.pk}:{juror.pk}",
                to=juror.user.email,
                template="surveys/email/nomination_to_score",
                context=context,
                language="zh-hans",
            )
        )
    outbox.enqueue_many(messages)
