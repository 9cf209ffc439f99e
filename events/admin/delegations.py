"""The back office of delegations: decisions, and registering, changing or withdrawing on a city's behalf."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import model_to_dict
from django.forms.models import BaseInlineFormSet
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core import scopes
from core.backoffice.admin_actions import run_for_each, service_action, service_action_with_reason
from core.backoffice.scoped import ScopedAdminMixin
from core.locks import Busy
from events import services
from events.admin.filters import MeetingFilter
from events.models import Delegate, Delegation, DelegationTransition, Event
from events.portal import people_of
from events.portal_forms import DELEGATE_FIELDS, DelegateFormSet, DelegationForm
from events.rules import delegate_problems
from members.models import MemberCity


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
    fields = [
        "name",
        "name_latin",
        "gender",
        "position",
        "rank",
        "is_head",
        "mobile",
        "arrival",
        "arrival_by",
        "departure",
        "departure_by",
        "accommodation",
        "dietary_needs",
        "remarks",
        "checked_in_at",
    ]

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
    return delegations.select_related("city", "guest", "event", "event__series").order_by("created_at")


class OnBehalfForm(forms.Form):
    """What staff give when a city registers by telephone or letter (a guest registers through its own link)."""

    event = forms.ModelChoiceField(
        label=_("event"),
        queryset=Event.objects.exclude(status=Event.Status.DRAFT),
        widget=AutocompleteSelect(Delegation._meta.get_field("event"), admin.site),
    )
    city = forms.ModelChoiceField(
        label=_("city"),
        queryset=MemberCity.objects.filter(status=MemberCity.Status.ACTIVE),
        widget=AutocompleteSelect(Delegation._meta.get_field("city"), admin.site),
    )


@admin.register(Delegation)
class DelegationAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["party", "event", "state", "delegate_count", "created_at", "submitted_by"]
    list_filter = ["state", MeetingFilter, "city__region", ("guest", admin.EmptyFieldListFilter)]
    show_full_result_count = False  # one count of fifty thousand rows, not two
    list_select_related = ["city", "guest", "event", "event__series", "submitted_by"]
    search_fields = ["city__name", "guest__organisation", "guest__country", "delegates__name", "delegates__name_latin"]
    readonly_fields = [
        "event",
        "party",
        "state",
        "submitted_by",
        "delegate_count",
        "consent_given_at",
        "waitlisted_at",
        "reminder_sent_at",
        "created_at",
        "updated_at",
        "change_delegates",
    ]
    fields = [*readonly_fields[:4], "remarks", *readonly_fields[4:]]
    inlines = [DelegateInline, TransitionInline]
    actions = ["confirm", "waitlist", "reject", "withdraw"]

    def has_add_permission(self, request):
        return False  # registering goes through the services: "Register on a city's behalf"

    @admin.display(description=_("delegation"), ordering="city__name")
    def party(self, delegation):
        return delegation.party

    @admin.display(description=_("delegates"))
    def change_delegates(self, delegation):
        if not delegation.pk or not delegation.is_active:
            return "—"
        url = reverse("admin:events_delegation_on_behalf_change", args=[delegation.pk])
        return format_html('<a class="button" href="{}">{}</a>', url, _("Add, remove or change delegates"))

    def get_urls(self):
        return [
            path("register/", self.admin_site.admin_view(self.register_on_behalf), name="events_delegation_on_behalf"),
            path(
                "<int:pk>/delegates/",
                self.admin_site.admin_view(self.change_on_behalf),
                name="events_delegation_on_behalf_change",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra = (
            {"register_url": reverse("admin:events_delegation_on_behalf")}
            if self.has_change_permission(request)
            else {}
        )
        return super().changelist_view(request, {**(extra_context or {}), **extra})

    def register_on_behalf(self, request):
        """A city's delegation given by telephone or letter: the same form and services as the officer's."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        choose = OnBehalfForm(request.POST or None, initial={"event": request.GET.get("event")})
        choose.fields["event"].queryset = scopes.for_user(choose.fields["event"].queryset, request.user)
        event = None
        if choose.is_bound and choose.is_valid():
            event = choose.cleaned_data["event"]

        def register(people, data):
            return services.delegation_register_on_behalf(
                event=event,
                city=choose.cleaned_data["city"],
                by=request.user,
                delegates=people,
                remarks=data["remarks"],
                consent=data["consent"],
            )

        return self._delegates_page(
            request,
            event=event,
            current=None,
            choose=choose,
            save=register,
            title=_("Register a delegation on a city's behalf"),
        )

    def change_on_behalf(self, request, pk):
        if not self.has_change_permission(request):
            raise PermissionDenied
        delegation = self.scoped_object_or_404(
            request, Delegation.objects.select_related("event", "city", "guest"), pk=pk
        )

        def change(people, data):
            return services.delegation_change_on_behalf(
                delegation=delegation, by=request.user, delegates=people, remarks=data["remarks"]
            )

        return self._delegates_page(
            request,
            event=delegation.event,
            current=delegation,
            choose=None,
            save=change,
            title=_("Delegates of %(party)s") % {"party": delegation.party},
        )

    def _delegates_page(self, request, *, event, current, choose, save, title):
        posted = request.method == "POST" and "delegates-TOTAL_FORMS" in request.POST
        initial = [model_to_dict(d, fields=DELEGATE_FIELDS) for d in current.delegates.all()] if current else None
        formset = DelegateFormSet(request.POST if posted else None, initial=initial, prefix="delegates", event=event)
        form = DelegationForm(
            request.POST if posted else None,
            initial={"remarks": current.remarks} if current else None,
            consent_needed=current is None,
        )
        if current is None:
            form.fields["consent"].label = _(
                "The city confirmed that its delegates agree that their data is used to organise this meeting."
            )
        if posted and (choose is None or choose.is_valid()) and form.is_valid() and formset.is_valid():
            try:
                delegation = save(people_of(formset), form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            except Busy as busy:
                form.add_error(None, busy.message)
            else:
                self.message_user(
                    request,
                    _("Saved for %(party)s; its liaison officers have been told.") % {"party": delegation.party},
                    messages.SUCCESS,
                )
                return redirect("admin:events_delegation_change", delegation.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": title,
            "choose": choose,
            "form": form,
            "formset": formset,
            "delegation": current,
            "event": event,
        }
        return TemplateResponse(
            request,
            "admin/events/delegation/on_behalf.html",
            context,
            status=400 if posted and (form.errors or formset.errors or formset.non_form_errors()) else 200,
        )

    @admin.action(description=_("Confirm"), permissions=["change"])
    def confirm(self, request, queryset):
        """Confirm the selected delegations; where that would go ahead of the waiting list, a page first says who
        would be overtaken, and only a second, explicit confirmation does it (recorded with the decision)."""
        delegations = list(_in_order_of_submission(queryset))
        overtaking = "overtake" in request.POST
        if not overtaking:
            ahead = [(delegation, services.waiting_ahead_of(delegation)) for delegation in delegations]
            ahead = [(delegation, others) for delegation, others in ahead if others and delegation.event.waiting_list]
            if ahead:
                context = {
                    **self.admin_site.each_context(request),
                    "opts": self.model._meta,
                    "title": _("Confirm ahead of the waiting list?"),
                    "ahead": ahead,
                    "selected": [delegation.pk for delegation in delegations],
                    "action_name": request.POST.get("action", ""),
                    "action_checkbox_name": ACTION_CHECKBOX_NAME,
                }
                return TemplateResponse(request, "admin/events/delegation/confirm_overtaking.html", context)
        run_for_each(
            self,
            request,
            delegations,
            lambda delegation: services.delegation_confirm(
                delegation=delegation, by=request.user, overtaking=overtaking
            ),
            lambda n: ngettext("%d delegation confirmed.", "%d delegations confirmed.", n) % n,
        )
        return None

    waitlist = service_action(
        lambda delegation, by: services.delegation_waitlist(delegation=delegation, by=by),
        description=_("Put on the waiting list"),
        permissions=["change"],
        prepare=_in_order_of_submission,
        done=lambda n: (
            ngettext("%d delegation put on the waiting list.", "%d delegations put on the waiting list.", n) % n
        ),
    )
    reject = service_action_with_reason(
        lambda delegation, by, reason: services.delegation_reject(delegation=delegation, by=by, reason=reason),
        description=_("Reject with a reason"),
        permissions=["change"],
        prepare=_in_order_of_submission,
        describe=lambda delegation: f"{delegation} ({delegation.get_state_display()})",
        done=lambda n: ngettext("%d delegation rejected.", "%d delegations rejected.", n) % n,
        page={
            "title": _("Reject delegations"),
            "intro": _("These delegations will be rejected and their liaison officers told why:"),
            "label": _("Reason"),
            "submit": _("Reject"),
            "missing": _("Give the reason for the rejection; the liaison officer will read it."),
        },
    )
    withdraw = service_action_with_reason(
        lambda delegation, by, reason: services.delegation_withdraw(delegation=delegation, by=by, reason=reason),
        description=_("Withdraw on the city's or guest's behalf"),
        permissions=["change"],
        describe=lambda delegation: f"{delegation} ({delegation.get_state_display()})",
        done=lambda n: ngettext("%d delegation withdrawn.", "%d delegations withdrawn.", n) % n,
        page={
            "title": _("Withdraw delegations"),
            "intro": _("These delegations will be withdrawn on their behalf, and told so:"),
            "label": _("Reason (e.g. the city called on 12 May)"),
            "submit": _("Withdraw"),
            "missing": _("Say why, or who asked for it."),
        },
    )
