from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import BaseInlineFormSet
from django.db.models import Count, Q, Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core import dashboard
from core.admin_actions import service_action, service_action_with_reason
from core.models import ExportLog
from core.translation import TranslationsBesideChineseAdmin, columns
from events import exports, services
from events.rules import delegate_problems
from events.models import (
    AgendaItem,
    Delegate,
    Delegation,
    DelegationTransition,
    Event,
    EventPhoto,
    EventSeries,
    Speaker,
)

State = Delegation.State


@admin.register(EventSeries)
class EventSeriesAdmin(TranslationsBesideChineseAdmin, admin.ModelAdmin):
    list_display = ["name", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Speaker)
class SpeakerAdmin(TranslationsBesideChineseAdmin, admin.ModelAdmin):
    list_display = ["name", "title", "organisation"]
    search_fields = ["name", "organisation"]


class AgendaInline(TranslationsBesideChineseAdmin, admin.TabularInline):
    model = AgendaItem
    extra = 1
    autocomplete_fields = ["speakers"]


class PhotoInline(admin.TabularInline):
    model = EventPhoto
    extra = 0
    fields = ["image", "alt_text", "caption", "order"]


@admin.register(Event)
class EventAdmin(TranslationsBesideChineseAdmin, admin.ModelAdmin):
    list_display = ["__str__", "kind", "starts_at", "status", "confirmed", "capacity", "waitlisted", "pending"]
    list_filter = ["status", "kind", "series", "starts_at"]
    list_select_related = ["series"]
    search_fields = [*columns("title"), "venue"]
    date_hierarchy = "starts_at"
    inlines = [AgendaInline, PhotoInline]
    fieldsets = [
        (None, {"fields": ["kind", "series", "edition", "title", "host_city", "venue", "address", "starts_at", "ends_at",
                           "description", "cover", "status"]}),
        (_("Registration"), {"fields": ["registration_opens_at", "registration_closes_at", "edit_deadline", "capacity",
                                        "per_city_limit", "requires_approval", "waiting_list", "reminder_days"]}),
    ]

    # Printed lists of the confirmed delegates: URL name suffix -> (path, template, what the export log records).
    PRINTOUTS = {
        "badges": ("badges/", "events/print/badges.html", _("Name badges of %(event)s")),
        "signin_sheet": ("sign-in-sheet/", "events/print/signin_sheet.html", _("Sign-in sheet of %(event)s")),
    }

    def get_urls(self):
        def view(function, suffix, name, kwargs=None):
            return path(f"<int:pk>/{suffix}", self.admin_site.admin_view(function), kwargs, name=f"events_event_{name}")

        return [
            view(self.delegates_xlsx, "delegates.xlsx", "delegates_xlsx"),
            view(self.delegates_csv, "delegates.csv", "delegates_csv"),
            *(view(self.printout, suffix, name, {"kind": name}) for name, (suffix, _t, _w) in self.PRINTOUTS.items()),
            *super().get_urls(),
        ]

    def _event_for_export(self, request, pk):
        if not request.user.has_perm("events.view_delegate"):
            raise PermissionDenied
        return get_object_or_404(Event.objects.select_related("series"), pk=pk)

    def delegates_xlsx(self, request, pk):
        event = self._event_for_export(request, pk)
        response = HttpResponse(exports.delegates_xlsx(event, by=request.user),
                                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        return _private_download(response, f"delegates-{event.pk}.xlsx")

    def delegates_csv(self, request, pk):
        event = self._event_for_export(request, pk)
        response = HttpResponse(exports.delegates_csv(event, by=request.user), content_type="text/csv; charset=utf-8")
        return _private_download(response, f"delegates-{event.pk}.csv")

    def printout(self, request, pk, kind):
        _suffix, template, what = self.PRINTOUTS[kind]
        event = self._event_for_export(request, pk)
        people = exports.delegates_for(event)
        ExportLog.objects.create(user=request.user, what=what % {"event": event.display_title}, row_count=len(people))
        response = TemplateResponse(request, template, {"event": event, "delegates": people})
        response["Cache-Control"] = "private, no-store"
        return response

    def get_queryset(self, request):
        active = Q(delegations__state=State.CONFIRMED)
        return super().get_queryset(request).annotate(
            confirmed_delegates=Sum("delegations__delegate_count", filter=active),
            waitlisted_count=Count("delegations", filter=Q(delegations__state=State.WAITLISTED)),
            pending_count=Count("delegations", filter=Q(delegations__state=State.PENDING)),
        )

    @admin.display(description=_("confirmed delegates"), ordering="confirmed_delegates")
    def confirmed(self, event):
        url = reverse("admin:events_delegation_changelist") + f"?event__id__exact={event.pk}&state__exact=confirmed"
        return format_html('<a href="{}">{}</a>', url, event.confirmed_delegates or 0)

    @admin.display(description=_("waiting list"), ordering="waitlisted_count")
    def waitlisted(self, event):
        return event.waitlisted_count

    @admin.display(description=_("awaiting decision"), ordering="pending_count")
    def pending(self, event):
        return event.pending_count


def _private_download(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


class DelegateInlineFormSet(BaseInlineFormSet):
    """Edits by staff keep the meeting's rules (events/rules.py): exactly one head, at most the per-city limit."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        people = [form.cleaned_data for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        problems = delegate_problems(self.instance.event, people)
        if problems:
            raise ValidationError(problems)


class DelegateInline(admin.StackedInline):
    model = Delegate
    formset = DelegateInlineFormSet
    extra = 0
    readonly_fields = ["checked_in_at"]
    fields = ["name", "gender", "position", "rank", "is_head", "mobile", "arrival", "arrival_by", "departure", "departure_by",
              "accommodation", "dietary_needs", "remarks", "checked_in_at"]

    def has_add_permission(self, request, obj=None):
        return False  # delegates are registered by the city's officer

    def has_delete_permission(self, request, obj=None):
        return False


class TransitionInline(admin.TabularInline):
    model = DelegationTransition
    extra = 0
    readonly_fields = ["at", "from_state", "to_state", "by", "reason"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


def _in_order_of_submission(delegations):
    return delegations.select_related("city", "event", "event__series").order_by("created_at")


@admin.register(Delegation)
class DelegationAdmin(admin.ModelAdmin):
    list_display = ["city", "event", "state", "delegate_count", "created_at", "submitted_by"]
    list_filter = ["state", "event", "city__region"]
    list_select_related = ["city", "event", "event__series", "submitted_by"]
    search_fields = ["city__name", "delegates__name"]
    readonly_fields = ["event", "city", "state", "submitted_by", "delegate_count", "consent_given_at", "waitlisted_at",
                       "reminder_sent_at", "created_at", "updated_at"]
    fields = readonly_fields[:4] + ["remarks"] + readonly_fields[4:]
    inlines = [DelegateInline, TransitionInline]
    actions = ["confirm", "waitlist", "reject"]

    def has_add_permission(self, request):
        return False

    confirm = service_action(
        services.delegation_confirm,
        description=_("Confirm"), permissions=["change"], prepare=_in_order_of_submission,
        done=lambda n: ngettext("%d delegation confirmed.", "%d delegations confirmed.", n) % n)
    waitlist = service_action(
        services.delegation_waitlist,
        description=_("Put on the waiting list"), permissions=["change"], prepare=_in_order_of_submission,
        done=lambda n: ngettext("%d delegation put on the waiting list.", "%d delegations put on the waiting list.", n) % n)
    reject = service_action_with_reason(
        services.delegation_reject,
        description=_("Reject with a reason"), permissions=["change"], prepare=_in_order_of_submission,
        describe=lambda delegation: f"{delegation} ({delegation.get_state_display()})",
        done=lambda n: ngettext("%d delegation rejected.", "%d delegations rejected.", n) % n,
        page={"title": _("Reject delegations"),
              "intro": _("These delegations will be rejected and their liaison officers told why:"),
              "label": _("Reason"), "submit": _("Reject"),
              "missing": _("Give the reason for the rejection; the liaison officer will read it.")})


@dashboard.register
def events_tiles(request):
    if request.user.has_perm("events.view_delegation"):
        url = reverse("admin:events_delegation_changelist")
        pending = Delegation.objects.pending().count()
        yield dashboard.Tile(_("Delegations awaiting decision"), pending, f"{url}?state__exact=pending", attention=True)
    if request.user.has_perm("events.view_event"):
        upcoming = Event.objects.filter(ends_at__gte=timezone.now()).exclude(status=Event.Status.CANCELLED).count()
        yield dashboard.Tile(_("Upcoming events"), upcoming, reverse("admin:events_event_changelist"))
