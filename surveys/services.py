"""Every change to a questionnaire's responses goes through here: a city's answers saved as a draft, submitted,
changed until the deadline (under the response's row lock, so two tabs submitting at once leave one answer)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core.locks import atomic_with_lock_timeout
from members.models import MemberCity
from surveys.models import AnswerFile, Questionnaire, Response

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.core.files.uploadedfile import UploadedFile


def audience(questionnaire: Questionnaire) -> QuerySet[MemberCity]:
    """The member cities a questionnaire is put to: all, or those of the chosen regions, branch and cities."""
    cities = MemberCity.objects.filter(status=MemberCity.Status.ACTIVE)
    if questionnaire.all_cities:
        return cities
    chosen = Q(pk__in=questionnaire.cities.values("pk")) | Q(region__in=questionnaire.regions.values("pk"))
    if questionnaire.branch_id:
        chosen |= Q(branches=questionnaire.branch_id)
    return cities.filter(chosen).distinct()


def is_for(questionnaire: Questionnaire, city: MemberCity) -> bool:
    from surveys.selectors import put_to

    return put_to(city).filter(pk=questionnaire.pk).exists()


def response_for_city(*, questionnaire: Questionnaire, city: MemberCity) -> Response:
    """The city's response, made (as an empty draft) the first time it is opened; two at once make one."""
    try:
        with transaction.atomic():
            response, _created = Response.objects.get_or_create(questionnaire=questionnaire, city=city)
    except IntegrityError:
        response = Response.objects.get(questionnaire=questionnaire, city=city)
    return response


@atomic_with_lock_timeout
def response_save(
    *,
    response: Response,
    answers: dict[str, Any],
    files: dict[str, UploadedFile],
    submit: bool,
    by: User | None,
) -> Response:
    """Save the answers (those of questions shown; the form has dropped the rest) as a draft, or submit them. Until
    the deadline a submitted response may be changed, and stays submitted; after it nothing changes."""
    response = Response.objects.select_for_update().select_related("questionnaire").get(pk=response.pk)
    questionnaire = response.questionnaire
    if questionnaire.state == Questionnaire.State.DRAFT:
        raise PermissionDenied
    now = timezone.now()
    if now < questionnaire.opens_at:
        raise ValidationError(_("This questionnaire is not open yet."))
    if now >= questionnaire.deadline:
        raise ValidationError(_("The deadline has passed: the answers can no longer be changed."))
    kept = dict(answers)  # the whole form is sent each time: what is not in it was emptied
    for stored in AnswerFile.objects.filter(response=response):  # files stay until replaced
        kept.setdefault(stored.question_key, stored.name)
    for key, upload in files.items():
        AnswerFile.objects.filter(response=response, question_key=key).delete()
        name = (upload.name or key)[:200]
        AnswerFile.objects.create(response=response, question_key=key, file=upload, name=name)
        kept[key] = name
    response.answers = kept
    if submit:
        if response.state != Response.State.SUBMITTED:
            response.submitted_at = now
        response.state = Response.State.SUBMITTED
        response.submitted_by = by
    response.save()
    return response


def files_kept(response: Response) -> set[str]:
    return set(AnswerFile.objects.filter(response=response).values_list("question_key", flat=True))


@atomic_with_lock_timeout
def questionnaire_send(*, questionnaire: Questionnaire, by: User) -> int:
    """Send a prepared questionnaire: it appears on the desks of its cities' officers, who are told by e-mail.
    Returns how many officers were written to."""
    from core.mail import outbox
    from members.models import LiaisonOfficer
    from surveys.contributions import QUESTIONNAIRE

    if not by.has_perm("surveys.change_questionnaire"):
        raise PermissionDenied(_("You may not send questionnaires."))
    questionnaire = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    if questionnaire.state != Questionnaire.State.DRAFT:
        raise ValidationError(_("This questionnaire has already been sent."))
    if questionnaire.deadline <= timezone.now():
        raise ValidationError(_("The deadline has passed: set a later one before sending."))
    if not questionnaire.form.sections.filter(questions__isnull=False).exists():
        raise ValidationError(_("The questionnaire has no questions yet."))
    keys = list(questionnaire.form.questions_in_order().values_list("key", flat=True))
    if len(keys) != len(set(keys)):
        raise ValidationError(_("Two questions share a key: each key names one question."))
    questionnaire.state = Questionnaire.State.SENT
    questionnaire.save(update_fields=["state"])
    sent = _send_personal_links(questionnaire)
    if questionnaire.anonymous:
        return sent
    officers = LiaisonOfficer.objects.current().filter(city__in=audience(questionnaire)).exclude(email="")
    messages = []
    for officer in officers.select_related("city"):
        context = {"questionnaire": questionnaire, "officer": officer}
        messages.append(
            outbox.composed(
                kind=QUESTIONNAIRE.code,
                key=f"questionnaire:{questionnaire.pk}:{officer.pk}",
                to=officer.email,
                template="surveys/email/questionnaire_sent",
                context=context,
                language=officer.email_language,
            )
        )
    return sent + outbox.enqueue_many(messages)


def named_people(questionnaire: Questionnaire) -> list[tuple[str, str]]:
    """(name, e-mail) of the people a questionnaire names: accounts chosen by name, and the current members of the
    chosen body (named through the relation: governance is another app of this layer)."""
    found = {user.email: user.get_full_name() or user.get_username() for user in questionnaire.people.exclude(email="")}
    if questionnaire.body_id:
        from django.apps import apps

        mandates = apps.get_model("governance", "Mandate").objects.current().filter(term__body_id=questionnaire.body_id)
        for mandate in mandates.select_related("user"):
            address = mandate.email or (mandate.user.email if mandate.user_id else "")
            if address:
                found.setdefault(address, mandate.name)
    return sorted((name, address) for address, name in found.items())


def _send_personal_links(questionnaire: Questionnaire) -> int:
    """A personal link for each named person, e-mailed to them: one answer each, as for an anonymous questionnaire,
    but with their name on it."""
    import secrets

    from django.urls import reverse

    from core.mail import outbox
    from surveys.contributions import QUESTIONNAIRE

    messages = []
    for name, address in named_people(questionnaire):
        response = Response.objects.create(
            questionnaire=questionnaire, token=secrets.token_urlsafe(32), label=name[:100]
        )
        link = reverse("survey_links:answer", args=[response.token])
        context = {"questionnaire": questionnaire, "name": name, "link": link}
        messages.append(
            outbox.composed(
                kind=QUESTIONNAIRE.code,
                key=f"questionnaire-link:{response.pk}",
                to=address,
                template="surveys/email/questionnaire_link",
                context=context,
                language="zh-hans",
            )
        )
    return outbox.enqueue_many(messages)


def questionnaire_remind(*, questionnaire: Questionnaire, by: User | None, stage: str = "") -> int:
    """Remind the officers of the cities that have not submitted: once a day at most per city when staff ask (`by`),
    once per stage when the daily job does (`stage`). Returns how many e-mails were written."""
    from core.mail import outbox
    from members.models import LiaisonOfficer
    from surveys.contributions import QUESTIONNAIRE

    if by is not None and not by.has_perm("surveys.change_questionnaire"):
        raise PermissionDenied(_("You may not remind cities."))
    if not questionnaire.is_open:
        raise ValidationError(_("Only an open questionnaire can be reminded of."))
    done = Response.objects.filter(questionnaire=questionnaire, state=Response.State.SUBMITTED).values("city_id")
    missing = audience(questionnaire).exclude(pk__in=done)
    occasion = stage or timezone.localdate().isoformat()
    messages = []
    for officer in LiaisonOfficer.objects.current().filter(city__in=missing).exclude(email="").select_related("city"):
        context = {"questionnaire": questionnaire, "officer": officer}
        messages.append(
            outbox.composed(
                kind=QUESTIONNAIRE.code,
                key=f"questionnaire-reminder:{questionnaire.pk}:{officer.pk}:{occasion}",
                to=officer.email,
                template="surveys/email/questionnaire_reminder",
                context=context,
                language=officer.email_language,
            )
        )
    return outbox.enqueue_many(messages)


def personal_links_make(*, questionnaire: Questionnaire, labels: list[str], by: User) -> list[Response]:
    """Personal links to an anonymous questionnaire, one per person (a label says for whom): each is a response of
    its own, answered once by whoever holds the link."""
    import secrets

    if not by.has_perm("surveys.change_questionnaire"):
        raise PermissionDenied(_("You may not make personal links."))
    if not questionnaire.anonymous:
        raise ValidationError(_("Only an anonymous questionnaire is answered by personal links."))
    labels = [label.strip()[:100] for label in labels if label.strip()]
    if not labels or len(labels) > 2000:
        raise ValidationError(_("Give one to 2,000 names, one a line."))
    return Response.objects.bulk_create(
        Response(questionnaire=questionnaire, token=secrets.token_urlsafe(32), label=label) for label in labels
    )


REMINDER_STAGES = ((7, "week"), (1, "day"))  # days before the deadline, and the stage's name


def reminders_send() -> int:
    """The daily job: each open questionnaire's missing cities are reminded a week before the deadline and on its
    last day, once per stage (a stage passed while the job did not run is not sent late twice)."""
    sent = 0
    now = timezone.now()
    for questionnaire in Questionnaire.objects.open_now().filter(anonymous=False):
        left = questionnaire.deadline - now
        stage = next((name for days, name in reversed(REMINDER_STAGES) if left <= datetime.timedelta(days=days)), "")
        if stage:
            sent += questionnaire_remind(questionnaire=questionnaire, by=None, stage=stage)
    return sent
