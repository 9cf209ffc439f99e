"""The forms engine shared by questionnaires and nomination calls: a form of sections and questions, each question
of a kind, optionally required, and shown only when its condition over earlier answers holds (surveys.conditions,
the same rules in the browser: static/js/conditions.js)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.i18n.translation import TranslatedMixin, localized
from surveys import conditions


class Form(models.Model):
    """The questions of one questionnaire or nomination call, in sections."""

    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("form")
        verbose_name_plural = _("forms")

    def __str__(self):
        return self.name

    def questions_in_order(self):
        return (
            Question.objects.filter(section__form=self)
            .select_related("section")
            .order_by("section__order", "section_id", "order", "id")
        )


class Section(TranslatedMixin, models.Model):
    form = models.ForeignKey(Form, on_delete=models.CASCADE, related_name="sections", verbose_name=_("form"))
    title = models.CharField(_("title"), max_length=200)
    translated_fields = ("title", "intro")
    intro = models.TextField(_("introduction"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return localized(self, "title")


class Question(TranslatedMixin, models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        SHORT_TEXT = "short", _("Short text")
        LONG_TEXT = "long", _("Long text")
        NUMBER = "number", _("Number")
        DATE = "date", _("Date")
        FILE = "file", _("File (PDF or image)")
        TABLE = "table", _("Table")

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions", verbose_name=_("section"))
    key = models.SlugField(
        _("key"), max_length=40, help_text=_("A short name, unique in the form, that conditions refer to: q1, q2.")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help"), max_length=300, blank=True)
    choices = models.TextField(_("choices"), blank=True, help_text=_("For choice questions: one choice a line."))
    translated_fields = ("text", "help_text", "choices")
    allow_other = models.BooleanField(_("“Other” with a text"), default=False)
    required = models.BooleanField(_("required"), default=False)
    unit = models.CharField(_("unit"), max_length=20, blank=True, help_text=_("For numbers: 万元, 人, 平方公里."))
    min_value = models.DecimalField(_("smallest"), max_digits=16, decimal_places=4, null=True, blank=True)
    max_value = models.DecimalField(_("largest"), max_digits=16, decimal_places=4, null=True, blank=True)
    rows = models.TextField(_("rows"), blank=True, help_text=_("For tables: one row a line (2024, 2025 …)."))
    columns = models.TextField(_("columns"), blank=True, help_text=_("For tables: one column a line."))
    condition = models.JSONField(
        _("shown only when"),
        default=dict,
        blank=True,
        help_text=_(
            'Empty: always shown. Otherwise <code>{"all": [...]}</code> or <code>{"any": [...]}</code> of rules '
            'such as <code>{"question": "q1", "is": "是"}</code>, '
            '<code>{"question": "area", "between": [10, 50]}</code>.'
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [models.UniqueConstraint(fields=["section", "key"], name="surveys_question_key_unique")]

    def __str__(self):
        return localized(self, "text")

    @staticmethod
    def lines(text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip()]

    @property
    def choice_list(self) -> list[str]:
        return self.lines(self.choices)

    @property
    def row_list(self) -> list[str]:
        return self.lines(self.rows)

    @property
    def column_list(self) -> list[str]:
        return self.lines(self.columns)

    def clean(self):
        if self.kind in (self.Kind.SINGLE, self.Kind.MULTIPLE) and not self.choice_list:
            raise ValidationError({"choices": _("A choice question needs its choices, one a line.")})
        if self.kind == self.Kind.TABLE and not (self.row_list and self.column_list):
            raise ValidationError({"rows": _("A table needs its rows and its columns, one a line.")})
        if self.min_value is not None and self.max_value is not None and self.min_value > self.max_value:
            raise ValidationError({"max_value": _("The largest value cannot be below the smallest.")})
        try:
            conditions.check(self.condition)
        except ValueError as error:
            raise ValidationError({"condition": str(error)}) from error
