"""Questionnaires built in the admin: a form of sections and questions (with their conditions), the audience, the
window; the responses read back city by city."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.backoffice.admin_actions import service_action
from core.i18n.translation import TranslationsBesideChineseAdmin, columns
from surveys import services
from surveys.models import Form, Question, Questionnaire, Response, Section


class SectionInline(TranslationsBesideChineseAdmin, admin.TabularInline):
    model = Section
    extra = 0
    show_change_link = True


@admin.register(Form)
class FormAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]
    inlines = [SectionInline]


class QuestionInline(TranslationsBesideChineseAdmin, admin.StackedInline):
    model = Question
    extra = 0
    fields = [
        ("order", "key", "kind", "required"),
        "text",
        "help_text",
        "choices",
        "allow_other",
        ("unit", "min_value", "max_value"),
        ("rows", "columns"),
        "condition",
    ]


@admin.register(Section)
class SectionAdmin(TranslationsBesideChineseAdmin, admin.ModelAdmin):
    list_display = ["title", "form", "order"]
    list_filter = ["form"]
    inlines = [QuestionInline]


@admin.register(Questionnaire)
class QuestionnaireAdmin(TranslationsBesideChineseAdmin, admin.ModelAdmin):
    list_display = ["title", "opens_at", "deadline", "state", "anonymous"]
    list_filter = ["state", "anonymous"]
    search_fields = columns("title")
    filter_horizontal = ["regions", "cities"]
    actions = ["send"]
    fieldsets = [
        (None, {"fields": ["form", "title", "intro", ("opens_at", "deadline"), "anonymous"]}),
        (_("Sent to"), {"fields": ["all_cities", "regions", "branch", "cities"]}),
    ]

    send = service_action(
        lambda questionnaire, by: services.questionnaire_send(questionnaire=questionnaire, by=by),
        description=_("Send to the cities (they are told by e-mail)"),
        done=lambda n: ngettext("%d questionnaire sent.", "%d questionnaires sent.", n) % n,
    )


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ["questionnaire", "city", "label", "state", "submitted_at", "updated_at"]
    list_filter = ["questionnaire", "state"]
    list_select_related = ["questionnaire", "city"]
    readonly_fields = ["questionnaire", "city", "token", "state", "answers", "submitted_at", "submitted_by"]

    def has_add_permission(self, request):
        return False
