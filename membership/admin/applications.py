from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.backoffice.form_pages import form_page
from membership.admin_forms import DecisionForm, ReviewForm
from membership.models import Application
from membership.services import applications


class OpenFilter(admin.SimpleListFilter):
    title = _("open")
    parameter_name = "open"

    def lookups(self, request, model_admin):
        return [("yes", _("awaiting a decision"))]

    def queryset(self, request, queryset):
        return queryset.open() if self.value() == "yes" else queryset


@admin.register(Application)
class ApplicationAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "city_name", "region", "intended_level", "contact_name", "state", "submitted_at"]
    list_filter = [OpenFilter, "state", "intended_level", "region"]
    list_select_related = ["region"]
    search_fields = ["city_name", "contact_name", "contact_email"]
    readonly_fields = [
        "reference",
        "state",
        "letter_link",
        "steps",
        "submitted_at",
        "reviewed_by",
        "reviewed_at",
        "review_note",
        "decided_by",
        "decided_on",
        "decision_meeting",
        "decision_resolution",
        "city",
    ]
    fields = [
        "reference",
        "state",
        "steps",
        "city_name",
        "region",
        "city_level",
        "intended_level",
        "contact_name",
        "contact_position",
        "contact_phone",
        "contact_email",
        "letter_link",
        "note",
        "submitted_at",
        "reviewed_by",
        "reviewed_at",
        "review_note",
        "decided_by",
        "decided_on",
        "decision_meeting",
        "decision_resolution",
        "city",
    ]

    def has_add_permission(self, request):
        return False  # applications come from the public form

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("application letter"))
    def letter_link(self, application):
        if not application.letter:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:membership_application_letter", args=[application.pk]),
            _("open the PDF"),
        )

    @admin.display(description=_("next step"))
    def steps(self, application):
        links = []
        if application.state == Application.State.SUBMITTED:
            links.append((reverse("admin:membership_application_review", args=[application.pk]), _("Review")))
        if application.state == Application.State.RECOMMENDED:
            links.append(
                (
                    reverse("admin:membership_application_decide", args=[application.pk]),
                    _("Record the council's decision"),
                )
            )
        return format_html_join(" · ", '<a class="button" href="{}">{}</a>', links) if links else "—"

    def get_urls(self):
        view = self.admin_site.admin_view
        own = [
            path("<int:pk>/letter/", view(self.letter_view), name="membership_application_letter"),
            path("<int:pk>/review/", view(self.review_view), name="membership_application_review"),
            path("<int:pk>/decide/", view(self.decide_view), name="membership_application_decide"),
        ]
        return own + super().get_urls()

    def _application(self, request, pk):
        application = get_object_or_404(Application, pk=pk)
        if not self.has_view_permission(request, application):
            raise PermissionDenied
        return application

    def _done(self, application):
        return reverse("admin:membership_application_change", args=[application.pk])

    def letter_view(self, request, pk):
        application = self._application(request, pk)
        return FileResponse(application.letter.open("rb"), content_type="application/pdf", filename="入会申请书.pdf")

    def review_view(self, request, pk):
        application = self._application(request, pk)

        def act(data):
            applications.application_review(application=application, by=request.user, **data)
            return _("Review recorded; the applicant has been told.")

        return form_page(
            self,
            request,
            form_class=ReviewForm,
            title=_("Review the application"),
            act=act,
            done_url=self._done(application),
            subject=application,
        )

    def decide_view(self, request, pk):
        application = self._application(request, pk)

        def act(data):
            applications.application_decide(
                application=application, by=request.user, base_url=request.build_absolute_uri("/"), **data
            )
            return _("Decision recorded; the applicant has been told.")

        return form_page(
            self,
            request,
            form_class=DecisionForm,
            title=_("Record the council's decision"),
            intro=_(
                "On approval the city enters the register at the level decided (or becomes a member again), and "
                "the contact person is invited as its liaison officer."
            ),
            initial={"level": application.intended_level, "decided_on": timezone.localdate()},
            act=act,
            done_url=self._done(application),
            subject=application,
        )
