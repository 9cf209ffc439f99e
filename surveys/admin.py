"""Questionnaires built in the admin: a form of sections and questions (with their conditions), the audience, the
window; the responses read back city by city."""

from collections import Counter
from urllib.parse import quote

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.backoffice.admin_actions import service_action
from core.i18n.translation import TranslationsBesideChineseAdmin, columns
from surveys import exports, nominations, results, services
from surveys.models import (
    Criterion,
    Form,
    Juror,
    Nomination,
    NominationCall,
    Question,
    Questionnaire,
    Response,
    Section,
)


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
    list_display = ["title", "opens_at", "deadline", "state", "anonymous", "results_link"]
    list_filter = ["state", "anonymous"]
    search_fields = columns("title")
    filter_horizontal = ["regions"]
    autocomplete_fields = ["cities"]
    raw_id_fields = ["people"]
    actions = ["send"]
    fieldsets = [
        (None, {"fields": ["form", "title", "intro", ("opens_at", "deadline"), "anonymous"]}),
        (_("Sent to"), {"fields": ["all_cities", "regions", "branch", "cities", "body", "people"]}),
    ]

    @admin.display(description=_("results"))
    def results_link(self, questionnaire):
        if questionnaire.state == Questionnaire.State.DRAFT:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:surveys_questionnaire_results", args=[questionnaire.pk]), _("Results")
        )

    def get_urls(self):
        def view(function, suffix, name):
            return path(
                f"<int:pk>/{suffix}", self.admin_site.admin_view(function), name=f"surveys_questionnaire_{name}"
            )

        return [
            view(self.results_view, "results/", "results"),
            view(self.xlsx_view, "responses.xlsx", "xlsx"),
            view(self.files_view, "files.zip", "files"),
            view(self.remind_view, "remind/", "remind"),
            view(self.links_view, "links/", "links"),
            *super().get_urls(),
        ]

    def _questionnaire(self, request, pk):
        if not request.user.has_perm("surveys.view_response"):
            raise PermissionDenied
        return get_object_or_404(Questionnaire.objects.published().select_related("form"), pk=pk)

    def results_view(self, request, pk):
        questionnaire = self._questionnaire(request, pk)
        found, submitted = results.results(questionnaire)
        cities = results.follow_up(questionnaire)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": questionnaire,
            "title": _("Results of %(title)s") % {"title": questionnaire.title},
            "questionnaire": questionnaire,
            "results": [(result, result.chart(), f"chart-{result.question.pk}") for result in found],
            "submitted": submitted,
            "cities": cities,
            "counts": Counter(state for _city, state in cities),
            "links": questionnaire.responses.exclude(token="").order_by("pk"),
        }
        return TemplateResponse(request, "admin/surveys/questionnaire/results.html", context)

    def xlsx_view(self, request, pk):
        questionnaire = self._questionnaire(request, pk)
        response = HttpResponse(
            exports.responses_xlsx(questionnaire, by=request.user),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        return _download(response, f"{questionnaire.title}.xlsx")

    def files_view(self, request, pk):
        questionnaire = self._questionnaire(request, pk)
        return _download(
            HttpResponse(exports.files_zip(questionnaire, by=request.user), content_type="application/zip"),
            f"{questionnaire.title}.zip",
        )

    def remind_view(self, request, pk):
        questionnaire = self._questionnaire(request, pk)
        if request.method != "POST":
            raise Http404
        try:
            sent = services.questionnaire_remind(questionnaire=questionnaire, by=request.user)
        except (ValidationError, PermissionDenied) as error:
            self.message_user(request, getattr(error, "messages", [_("You may not do this.")])[0], messages.WARNING)
        else:
            self.message_user(
                request, ngettext("%d reminder sent.", "%d reminders sent.", sent) % sent, messages.SUCCESS
            )
        return redirect("admin:surveys_questionnaire_results", questionnaire.pk)

    def links_view(self, request, pk):
        questionnaire = self._questionnaire(request, pk)
        if request.method != "POST":
            raise Http404
        try:
            made = services.personal_links_make(
                questionnaire=questionnaire, labels=request.POST.get("labels", "").splitlines(), by=request.user
            )
        except (ValidationError, PermissionDenied) as error:
            self.message_user(request, getattr(error, "messages", [_("You may not do this.")])[0], messages.WARNING)
        else:
            self.message_user(
                request, ngettext("%d personal link made.", "%d personal links made.", len(made)) % len(made)
            )
        return redirect("admin:surveys_questionnaire_results", questionnaire.pk)

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


def _download(response, filename):
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    response["Cache-Control"] = "private, no-store"
    return response


class CriterionInline(TranslationsBesideChineseAdmin, admin.TabularInline):
    model = Criterion
    extra = 0


class JurorInline(admin.TabularInline):
    model = Juror
    extra = 0
    raw_id_fields = ["user"]
    autocomplete_fields = ["city"]


@admin.register(NominationCall)
class NominationCallAdmin(TranslationsBesideChineseAdmin, admin.ModelAdmin):
    list_display = ["__str__", "questionnaire", "places", "state", "ranking_link"]
    list_filter = ["state", "year"]
    list_select_related = ["questionnaire"]
    inlines = [CriterionInline, JurorInline]

    @admin.display(description=_("ranking"))
    def ranking_link(self, call):
        url = reverse("admin:surveys_nominationcall_ranking", args=[call.pk])
        return format_html('<a href="{}">{}</a>', url, _("Ranking and decision"))

    def get_urls(self):
        return [
            path(
                "<int:pk>/ranking/",
                self.admin_site.admin_view(self.ranking_view),
                name="surveys_nominationcall_ranking",
            ),
            path(
                "<int:pk>/scores.xlsx",
                self.admin_site.admin_view(self.scores_view),
                name="surveys_nominationcall_scores",
            ),
            *super().get_urls(),
        ]

    def _call(self, request, pk):
        if not request.user.has_perm("surveys.view_nomination"):
            raise PermissionDenied
        return get_object_or_404(NominationCall.objects.select_related("questionnaire"), pk=pk)

    def ranking_view(self, request, pk):
        call = self._call(request, pk)
        if request.method == "POST":
            chosen = [int(value) for value in request.POST.getlist("honoured") if value.isdigit()]
            try:
                count = nominations.call_decide(call=call, honoured=chosen, by=request.user)
            except (ValidationError, PermissionDenied) as error:
                self.message_user(request, getattr(error, "messages", [_("You may not do this.")])[0], messages.ERROR)
            else:
                self.message_user(
                    request,
                    ngettext(
                        "%d nominee honoured; the honours page shows it.",
                        "%d nominees honoured; the honours page shows them.",
                        count,
                    )
                    % count,
                    messages.SUCCESS,
                )
                return redirect("admin:surveys_nominationcall_ranking", call.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": call,
            "title": _("Ranking of %(call)s") % {"call": call},
            "call": call,
            "criteria": list(call.criteria.all()),
            "ranking": nominations.ranking(call),
        }
        return TemplateResponse(request, "admin/surveys/nominationcall/ranking.html", context)

    def scores_view(self, request, pk):
        call = self._call(request, pk)
        response = HttpResponse(
            exports.scores_xlsx(call, by=request.user),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        return _download(response, f"{call}.xlsx")


@admin.register(Nomination)
class NominationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "call", "decision"]
    list_filter = ["call", "decision"]
    list_select_related = ["call", "officer", "officer__city", "response__city"]
    readonly_fields = ["call", "response", "officer", "decision"]

    def has_add_permission(self, request):
        return False
