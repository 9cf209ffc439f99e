from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.signing import BadSignature, dumps, loads
from django.db import models
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from core.backoffice.form_pages import form_page
from core.i18n.translation import TranslationsBesideChineseAdmin, columns, first_translation
from core.web import security
from members import exports, importers, services, two_factor
from members.forms import ImportForm, MembershipChangeForm
from members.models import (
    IndividualMember,
    LiaisonAward,
    LiaisonOfficer,
    Mayor,
    MemberCity,
    MembershipChange,
    Region,
    email_used_by_another_account,
)


@admin.register(Region)
class RegionAdmin(TranslationsBesideChineseAdmin, admin.ModelAdmin):
    list_display = [*columns("name"), "order"]
    list_editable = ["order"]


class MayorInline(admin.TabularInline):
    model = Mayor
    extra = 0


class OfficerInline(admin.TabularInline):
    model = LiaisonOfficer
    extra = 0
    fields = ["name", "name_latin", "position", "email", "is_primary", "appointed_on", "ended_on", "is_active"]
    readonly_fields = fields
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ImportMixin:
    """An "Import" page on a changelist: upload, preview every row with its errors, then confirm."""

    import_kind = None

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_import"
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name=name),
            path("import/template.xlsx", self.admin_site.admin_view(self.import_template), name=f"{name}_template"),
            *super().get_urls(),
        ]

    def import_template(self, request):
        """The file to fill in: Chinese headers, an example row, and the columns explained."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        response = HttpResponse(
            importers.template_workbook(self.import_kind),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = content_disposition_header(
            True, _("%(things)s import template.xlsx") % {"things": self.opts.verbose_name_plural}
        )
        return response

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Import %(things)s") % {"things": self.opts.verbose_name_plural},
            "columns_help": importers.columns_of(self.import_kind),
            "template_url": reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_import_template"),
        }
        if request.method == "POST" and "confirm" in request.POST:
            try:
                rows = loads(request.POST["rows"], salt=f"import-{self.import_kind}", max_age=3600)
                count = importers.import_rows(self.import_kind, rows)
            except (BadSignature, ValidationError, KeyError) as error:
                messages.error(
                    request, getattr(error, "messages", [str(_("The preview has expired; upload the file again."))])[0]
                )
                return redirect(request.path)
            messages.success(request, ngettext("%d row imported.", "%d rows imported.", count) % count)
            return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist"))
        form = ImportForm(request.POST or None, request.FILES or None)
        status = 200
        if request.method == "POST" and form.is_valid():
            try:
                rows = importers.read_rows(form.cleaned_data["file"], self.import_kind)
            except ValidationError as error:
                form.add_error("file", error)
                status = 400
            else:
                checked = importers.check_rows(self.import_kind, rows)
                valid = not any(row_form.errors for _number, row_form in checked)
                context.update(
                    checked=checked,
                    valid=valid,
                    columns=importers.columns(rows, self.import_kind),
                    signed_rows=dumps(rows, salt=f"import-{self.import_kind}") if valid else "",
                )
                status = 200 if valid else 400
        elif request.method == "POST":
            status = 400
        context["form"] = form
        return TemplateResponse(request, "admin/members/import.html", context, status=status)


class MembershipChangeInline(admin.TabularInline):
    model = MembershipChange
    fields = [
        "effective_on",
        "level_before",
        "level_after",
        "status_before",
        "status_after",
        "reason",
        "meeting",
        "resolution",
        "recorded_by",
        "recorded_at",
    ]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("history of membership changes")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(MemberCity)
class MemberCityAdmin(ImportMixin, TranslationsBesideChineseAdmin, admin.ModelAdmin):
    import_kind = "cities"
    list_display = [*columns("name"), "region", "level", "membership_level", "status", "joined_on"]
    list_filter = ["region", "level", "membership_level", "status"]
    list_select_related = ["region"]
    search_fields = columns("name")
    prepopulated_fields = {"slug": [first_translation("name")]}
    inlines = [MayorInline, OfficerInline, MembershipChangeInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_readonly_fields(self, request, obj=None):
        # A member's level and status change only by a recorded decision (the link below the form).
        return ["membership_level", "status", "membership_change_link"] if obj else []

    @admin.display(description=_("change of level or status"))
    def membership_change_link(self, city):
        url = reverse("admin:members_membercity_membership", args=[city.pk])
        return format_html('<a class="button" href="{}">{}</a>', url, _("Record a decision"))

    def get_urls(self):
        view = self.admin_site.admin_view(self.membership_change_view)
        return [path("<int:pk>/membership/", view, name="members_membercity_membership"), *super().get_urls()]

    def membership_change_view(self, request, pk):
        city = get_object_or_404(MemberCity, pk=pk)
        if not self.has_change_permission(request, city):
            raise PermissionDenied

        def act(data):
            services.membership_change(city=city, by=request.user, **data)
            return _("The decision is recorded and applied.")

        return form_page(
            self,
            request,
            form_class=MembershipChangeForm,
            title=_("Record a decision on level or status"),
            intro=_("The change is kept in the city's history with its date, reason and the meeting that decided it."),
            initial={"level": city.membership_level, "status": city.status, "effective_on": timezone.localdate()},
            act=act,
            done_url=reverse("admin:members_membercity_change", args=[city.pk]),
            subject=city,
        )


@admin.register(IndividualMember)
class IndividualMemberAdmin(SimpleHistoryAdmin):
    list_display = ["name", "category", "organisation", "title", "city", "status", "joined_on"]
    list_filter = ["category", "status"]
    list_select_related = ["city"]
    search_fields = ["name", "organisation"]
    raw_id_fields = ["city"]


@admin.register(LiaisonOfficer)
class LiaisonOfficerAdmin(ImportMixin, SimpleHistoryAdmin):
    import_kind = "officers"
    list_display = ["name", "city", "position", "is_primary", "appointed_on", "ended_on", "is_active", "invited_at"]
    list_filter = ["is_active", "is_primary", "sms_enabled", "city__region"]  # a city: by the search
    list_select_related = ["city", "user"]
    search_fields = ["name", "name_latin", "city__name", "email"]
    autocomplete_fields = ["city"]
    readonly_fields = ["user", "invited_at", "sms_state"]
    actions = ["send_invitation", "export_roster"]
    fields = [
        "city",
        "name",
        "name_latin",
        "position",
        "office_phone",
        "mobile",
        "email",
        "language",
        "is_primary",
        "appointed_on",
        "ended_on",
        "is_active",
        "user",
        "invited_at",
        "sms_state",
    ]

    @admin.display(description=_("urgent notices by SMS"))
    def sms_state(self, officer):
        """Turned on only by the officer (who consents); the last messages and whether they arrived."""
        from members.selectors import sms_for

        sms = sms_for(officer)
        if officer.sms_enabled:
            state = format_html(
                _("On, to {number}; consented on {when}."),
                number=sms.number,
                when=date_format(timezone.localtime(officer.sms_consent_at), "DATETIME_FORMAT"),
            )
        elif officer.sms_opted_out_at:
            state = format_html(
                _("Off since {when}."),
                when=date_format(timezone.localtime(officer.sms_opted_out_at), "DATETIME_FORMAT"),
            )
        else:
            state = _("Off: the officer has not turned it on.")
        rows = format_html_join(
            "",
            "<li>{} · {} · {}</li>",
            (
                (
                    date_format(timezone.localtime(m.created_at), "SHORT_DATETIME_FORMAT"),
                    m.text,
                    m.get_delivery_display() if m.delivery else m.get_state_display(),
                )
                for m in sms.recent
            ),
        )
        return format_html("{}<ul>{}</ul>", state, rows) if sms.recent else state

    def save_model(self, request, obj, form, change):
        if not change:
            obj.user = services.officer_account_for(email=obj.email, name=obj.name)
        super().save_model(request, obj, form, change)
        if change and "email" in form.changed_data:
            services.officer_sync_account_email(officer=obj)

    @admin.action(description=_("Send an invitation to set a password"), permissions=["change"])
    def send_invitation(self, request, queryset):
        base_url = request.build_absolute_uri("/")
        sent = 0
        for officer in queryset.current().select_related("user", "city"):
            services.officer_invite(officer=officer, by=request.user, base_url=base_url)
            sent += 1
        self.message_user(
            request, ngettext("%d invitation sent.", "%d invitations sent.", sent) % sent, messages.SUCCESS
        )

    @admin.action(description=_("Export the roster (Excel)"), permissions=["view"])
    def export_roster(self, request, queryset):
        workbook = exports.officer_roster(queryset=queryset, by=request.user)
        response = HttpResponse(
            workbook, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f'attachment; filename="liaison-officers-{timezone.localdate():%Y%m%d}.xlsx"'
        response["Cache-Control"] = "private, no-store"
        return response


@admin.register(LiaisonAward)
class LiaisonAwardAdmin(admin.ModelAdmin):
    list_display = ["year", "title", "officer"]
    list_filter = ["year"]
    list_select_related = ["officer", "officer__city"]
    raw_id_fields = ["officer"]


class PortalUserChangeForm(UserChangeForm):
    def clean_email(self):
        email = self.cleaned_data.get("email", "")
        if email and email_used_by_another_account(email, self.instance.pk):
            raise ValidationError(_("Another account already has this e-mail address: each account needs its own."))
        return email


class PortalUserAdmin(UserAdmin):
    """Django's user admin, with whether the account has two-step sign-in and, for superusers, a way to reset it
    (a lost phone); no two accounts may share an e-mail address."""

    form = PortalUserChangeForm
    list_display = [*UserAdmin.list_display, "two_step"]
    actions = ["reset_two_step"]

    @admin.display(description=_("two-step sign-in"), boolean=True)
    def two_step(self, user):
        return user.two_step_devices > 0

    def get_queryset(self, request):
        from django.db.models import Count

        return super().get_queryset(request).annotate(two_step_devices=Count("totpdevice", distinct=True))

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not request.user.is_superuser:
            actions.pop("reset_two_step", None)
        return actions

    @admin.action(description=_("Reset two-step sign-in (lost phone)"))
    def reset_two_step(self, request, queryset):
        if not request.user.is_superuser:
            raise PermissionDenied
        for user in queryset:
            two_factor.second_step_reset(user=user)
            security.record(
                "two-step-reset", request=request, user=user, detail=f"reset by {request.user.get_username()}"
            )
        self.message_user(
            request,
            ngettext(
                "Two-step sign-in reset for %d account: it sets up a new authenticator at its next sign-in.",
                "Two-step sign-in reset for %d accounts: they set up a new authenticator at their next sign-in.",
                queryset.count(),
            )
            % queryset.count(),
            messages.SUCCESS,
        )


admin.site.unregister(User)
admin.site.register(User, PortalUserAdmin)
