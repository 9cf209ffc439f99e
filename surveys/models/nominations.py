"""Award nominations (评选表彰): a call whose nomination form is a questionnaire of the forms engine, the cities'
nominations, a jury scoring them against weighted criteria, and the decision that writes the honours."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.i18n.translation import TranslatedMixin, localized

SCORE_MAX = 10


class NominationCallQuerySet(models.QuerySet):
    def published(self):
        """Decided calls are public (the awards page); open ones are the secretariat's and the jury's."""
        return self.filter(state=NominationCall.State.DECIDED)


class NominationCall(TranslatedMixin, models.Model):
    """A call for nominations; its questionnaire holds the form, the cities asked, the window and the reminders."""

    class State(models.TextChoices):
        OPEN = "open", _("Taking nominations and scores")
        DECIDED = "decided", _("Decided and published")

    questionnaire = models.OneToOneField(
        "surveys.Questionnaire", on_delete=models.PROTECT, related_name="call", verbose_name=_("nomination form")
    )
    honour = models.CharField(_("honour"), max_length=100, help_text=_("What the honours page will say: 优秀联络员."))
    translated_fields = ("honour",)
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(1990), MaxValueValidator(2100)])
    places = models.PositiveSmallIntegerField(_("places"), default=10, help_text=_("How many are honoured, at most."))

    class NomineeKind(models.TextChoices):
        OFFICER = "officer", _("One of the city's liaison officers")
        OTHER = "other", _("Something else the city names (a case, a project, a person)")

    nominee_kind = models.CharField(
        _("who or what is nominated"), max_length=10, choices=NomineeKind.choices, default=NomineeKind.OFFICER
    )
    nominee_label = models.CharField(
        _("what the nominee is called"),
        max_length=50,
        blank=True,
        help_text=_("For another category: the label of the name the city gives, e.g. 案例名称."),
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OPEN, editable=False)

    objects = NominationCallQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-id"]
        verbose_name = _("call for nominations")
        verbose_name_plural = _("calls for nominations")

    def __str__(self):
        return f"{self.year} {localized(self, 'honour')}"

    @property
    def is_live(self):
        return self.state == self.State.DECIDED


class Criterion(TranslatedMixin, models.Model):
    call = models.ForeignKey(NominationCall, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("call"))
    name = models.CharField(_("name"), max_length=100)
    translated_fields = ("name",)
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("0 collects the jurors' view without counting it."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self):
        return localized(self, "name")


class Juror(models.Model):
    """A member of the jury: staff, or an outside expert with an account. `city` is the juror's own city, whose
    nomination the juror neither sees nor scores."""

    call = models.ForeignKey(NominationCall, on_delete=models.CASCADE, related_name="jurors", verbose_name=_("call"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="jury_seats", verbose_name=_("account")
    )
    city = models.ForeignKey(
        "members.MemberCity",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("own city"),
        help_text=_("The juror's own member city, if any: its nomination is kept from them."),
    )

    class Meta:
        verbose_name = _("juror")
        verbose_name_plural = _("jury")
        constraints = [models.UniqueConstraint(fields=["call", "user"], name="one_seat_per_juror")]

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()


class Nomination(models.Model):
    """A city's nomination of one of its liaison officers: the answers are the city's response to the call's form."""

    class Decision(models.TextChoices):
        PENDING = "", _("Not decided")
        HONOURED = "honoured", _("Honoured")
        NOT_HONOURED = "not", _("Not honoured")

    call = models.ForeignKey(
        NominationCall, on_delete=models.CASCADE, related_name="nominations", verbose_name=_("call")
    )
    response = models.OneToOneField(
        "surveys.Response", on_delete=models.CASCADE, related_name="nomination", verbose_name=_("answers")
    )
    officer = models.ForeignKey(
        "members.LiaisonOfficer",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
        verbose_name=_("nominee"),
    )
    nominee = models.CharField(_("nominee"), max_length=200, blank=True, help_text=_("For another category."))
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision.choices, default=Decision.PENDING, blank=True
    )

    class Meta:
        ordering = ["call_id", "response__city__name"]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")

    def __str__(self):
        return f"{self.response.city} · {self.nominee_name}"

    @property
    def nominee_name(self):
        return self.officer.name if self.officer_id else self.nominee


class Score(models.Model):
    nomination = models.ForeignKey(
        Nomination, on_delete=models.CASCADE, related_name="scores", verbose_name=_("nomination")
    )
    juror = models.ForeignKey(Juror, on_delete=models.CASCADE, related_name="scores", verbose_name=_("juror"))
    criterion = models.ForeignKey(
        Criterion, on_delete=models.CASCADE, related_name="scores", verbose_name=_("criterion")
    )
    value = models.PositiveSmallIntegerField(_("score"), validators=[MaxValueValidator(SCORE_MAX)])

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["nomination", "juror", "criterion"], name="one_score_per_criterion"),
            models.CheckConstraint(condition=models.Q(value__lte=SCORE_MAX), name="score_within_scale"),
        ]

    def __str__(self):
        return f"{self.nomination} {self.criterion}: {self.value}"
