"""Questionnaires (调研问卷) put to the member cities, and their responses: one per city (or per personal link, for an
anonymous questionnaire), a draft until submitted, changeable until the deadline."""

from __future__ import annotations

import os
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.dates import sensible_dates, validate_sensible_date
from core.i18n.translation import TranslatedMixin, localized
from core.media.files import private_storage


class QuestionnaireQuerySet(models.QuerySet):
    def published(self):
        return self.exclude(state=Questionnaire.State.DRAFT)

    def open_now(self):
        now = timezone.now()
        return self.published().filter(opens_at__lte=now, deadline__gt=now)


class Questionnaire(TranslatedMixin, models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Being prepared")
        SENT = "sent", _("Sent")

    form = models.OneToOneField(
        "surveys.Form", on_delete=models.PROTECT, related_name="questionnaire", verbose_name=_("form")
    )
    title = models.CharField(_("title"), max_length=200)
    translated_fields = ("title", "intro")
    intro = models.TextField(_("introduction"), blank=True)
    opens_at = models.DateTimeField(_("opens at"), validators=[validate_sensible_date])
    deadline = models.DateTimeField(_("deadline"), validators=[validate_sensible_date])
    anonymous = models.BooleanField(
        _("anonymous, by personal links"),
        default=False,
        help_text=_("Answered without an account, one answer per link (forum participants, for instance)."),
    )
    all_cities = models.BooleanField(_("all member cities"), default=False)
    regions = models.ManyToManyField("members.Region", blank=True, verbose_name=_("regions"))
    branch = models.ForeignKey(
        "association.Branch",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="questionnaires",
        verbose_name=_("the cities of a branch"),
    )
    cities = models.ManyToManyField("members.MemberCity", blank=True, verbose_name=_("chosen cities"))
    people = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        verbose_name=_("named people"),
        help_text=_("Each is sent a personal link by e-mail when the questionnaire is sent."),
    )
    body = models.ForeignKey(
        "governance.Body",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("the members of a body"),
        help_text=_("The council members, for instance: each member of the current term gets a personal link."),
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = QuestionnaireQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at", "-id"]
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        constraints = [
            *sensible_dates("questionnaire", moments=("opens_at", "deadline")),
            models.CheckConstraint(condition=Q(deadline__gt=models.F("opens_at")), name="questionnaire_window"),
        ]

    def __str__(self):
        return localized(self, "title")

    @property
    def is_open(self):
        now = timezone.now()
        return self.state != self.State.DRAFT and self.opens_at <= now < self.deadline


def upload_to(instance, filename):
    extension = os.path.splitext(filename)[1].lower()
    return f"surveys/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


class Response(models.Model):
    """One city's (or one personal link's) answers to a questionnaire."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="responses", verbose_name=_("questionnaire")
    )
    city = models.ForeignKey(
        "members.MemberCity",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="survey_responses",
        verbose_name=_("city"),
    )
    token = models.CharField(_("personal link"), max_length=64, blank=True, editable=False)
    label = models.CharField(
        _("sent to"), max_length=100, blank=True, help_text=_("For a personal link: whom it is for.")
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT, editable=False)
    answers = models.JSONField(_("answers"), default=dict, editable=False)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)

    class Meta:
        ordering = ["questionnaire_id", "city_id", "id"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "city"], condition=Q(city__isnull=False), name="one_response_per_city"
            ),
            models.UniqueConstraint(fields=["token"], condition=~Q(token=""), name="one_response_per_link"),
        ]

    def __str__(self):
        return f"{self.questionnaire} · {self.city or self.label}"


class AnswerFile(models.Model):
    """A file given as the answer to a file question, checked like every upload, kept out of public storage."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="files", verbose_name=_("response"))
    question_key = models.SlugField(_("question"), max_length=40)
    file = models.FileField(_("file"), upload_to=upload_to, storage=private_storage, max_length=200)
    name = models.CharField(_("file name"), max_length=200)

    class Meta:
        verbose_name = _("file given in an answer")
        verbose_name_plural = _("files given in answers")
        constraints = [models.UniqueConstraint(fields=["response", "question_key"], name="one_file_per_question")]

    def __str__(self):
        return self.name
