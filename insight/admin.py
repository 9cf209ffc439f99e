"""The back office's figures: each member city's engagement (a list sorted and filtered by it, and the city's
profile, 城市画像), and the annual work reports drafted from the data."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import content_disposition_header
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from core import registry
from core.i18n.translation import columns
from events import figures as event_figures
from insight import services
from insight.models import CityEngagement, WorkReport
from insight.report import report_from
from insight.word import work_report_docx
from members.models import MemberCity
from news.models import Category

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class EngagementFilter(admin.SimpleListFilter):
    title = _("engagement")
    parameter_name = "engagement"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [
            ("no-meeting-2y", _("No meeting in 2 years")),
            ("silent-3", _("No reply to the last 3 notices")),
            ("both", _("Both")),
        ]

    def queryset(self, request: HttpRequest, queryset: Any) -> Any:
        if self.value() in ("no-meeting-2y", "both"):
            queryset = event_figures.without_meeting(queryset)
        if self.value() in ("silent-3", "both"):
            queryset = event_figures.silent_on_last_notices(queryset)
        return queryset


@admin.register(CityEngagement)
class CityEngagementAdmin(admin.ModelAdmin):
    list_display = ["city_name", "region", "membership_level", "last_meeting_shown", "notices_shown", "profile_link"]
    list_filter = [EngagementFilter, "region", "membership_level", "level"]
    search_fields = columns("name")
    list_select_related = ["region"]
    list_per_page = 50

    def get_queryset(self, request: HttpRequest) -> Any:
        cities = super().get_queryset(request).filter(status=MemberCity.Status.ACTIVE)
        return event_figures.with_engagement(cities)

    def get_ordering(self, request: HttpRequest) -> list[str]:
        return ["region__order", "name"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description=_("city"), ordering="name")
    def city_name(self, city: CityEngagement) -> str:
        return str(city)

    @admin.display(description=_("last meeting attended"), ordering="last_meeting", empty_value=_("never"))
    def last_meeting_shown(self, city: Any) -> str | None:
        return f"{timezone.localtime(city.last_meeting):%Y-%m-%d}" if city.last_meeting else None

    @admin.display(description=_("notices replied"), ordering="notices_replied")
    def notices_shown(self, city: Any) -> str:
        return f"{city.notices_replied} / {city.notices_sent}"

    @admin.display(description=_("profile"))
    def profile_link(self, city: CityEngagement) -> str:
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:insight_cityengagement_profile", args=[city.pk]), _("Profile")
        )

    def get_urls(self) -> list[Any]:
        return [
            path(
                "<int:pk>/profile/",
                self.admin_site.admin_view(self.profile_view),
                name="insight_cityengagement_profile",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None) -> Any:
        return HttpResponseRedirect(reverse("admin:insight_cityengagement_profile", args=[object_id]))

    def profile_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        city = get_object_or_404(MemberCity.objects.select_related("region"), pk=pk)
        sections = [
            {"template": section.template, "data": import_string(section.function)(city)}
            for section in registry.city_profile()
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Profile of %(city)s") % {"city": city},
            "city": city,
            "sections": sections,
        }
        return TemplateResponse(request, "admin/insight/city_profile.html", context)


def year_choices() -> list[tuple[int, int]]:
    this_year = timezone.localdate().year
    return [(year, year) for year in range(this_year, this_year - 10, -1)]


class WorkReportForm(forms.ModelForm):
    category = forms.ModelChoiceField(
        queryset=Category.objects.all(),
        label=_("category of the draft article"),
        help_text=_("The draft goes through the usual review before it is published."),
    )

    class Meta:
        model = WorkReport
        fields = ["year"]
        widgets = {"year": forms.Select(choices=year_choices)}


@admin.register(WorkReport)
class WorkReportAdmin(admin.ModelAdmin):
    list_display = ["year", "article_link", "generated_by", "generated_at", "docx_link"]
    list_select_related = ["article", "generated_by"]
    form = WorkReportForm

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        return {"year": timezone.localdate().year - (1 if timezone.localdate().month < 7 else 0)}

    def has_add_permission(self, request: HttpRequest) -> bool:
        """Drafting writes an article: it takes an editor's right to write one too."""
        return super().has_add_permission(request) and request.user.has_perm("news.add_article")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: WorkReport, form: Any, change: bool) -> None:
        report = services.work_report_draft(year=obj.year, category=form.cleaned_data["category"], by=request.user)
        obj.pk = report.pk  # the admin's "added" message and redirect name the report the service made

    def response_add(self, request: HttpRequest, obj: WorkReport, post_url_continue: Any = None) -> HttpResponse:
        report = WorkReport.objects.select_related("article").get(pk=obj.pk)
        messages.success(
            request,
            _("The %(year)s report is drafted as an article; download it as a Word file from this list.")
            % {"year": report.year},
        )
        return HttpResponseRedirect(reverse("admin:insight_workreport_changelist"))

    @admin.display(description=_("draft article"))
    def article_link(self, report: WorkReport) -> str:
        if report.article is None:
            return "—"
        url = reverse("admin:news_article_change", args=[report.article_id])
        return format_html('<a href="{}">{}</a> ({})', url, report.article, report.article.get_status_display())

    @admin.display(description=_("Word file"))
    def docx_link(self, report: WorkReport) -> str:
        url = reverse("admin:insight_workreport_docx", args=[report.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download (.docx)"))

    def get_urls(self) -> list[Any]:
        return [
            path("<int:pk>/docx/", self.admin_site.admin_view(self.docx_view), name="insight_workreport_docx"),
            *super().get_urls(),
        ]

    def docx_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        report = get_object_or_404(WorkReport, pk=pk)
        response = HttpResponse(work_report_docx(report_from(report.outline)), content_type=DOCX)
        response["Content-Disposition"] = content_disposition_header(
            True, f"{report.year}年度工作报告-{datetime.date.today():%Y%m%d}.docx"
        )
        return response
