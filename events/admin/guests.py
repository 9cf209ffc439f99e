"""Guest delegations: invitations by personal link for delegations that are not member cities."""

from django.conf import settings
from django.contrib import admin
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.backoffice.admin_actions import run_for_each
from events import services
from events.admin.filters import MeetingFilter
from events.models import Delegation, GuestInvitation


@admin.register(GuestInvitation)
class GuestInvitationAdmin(admin.ModelAdmin):
    list_display = ["organisation", "country", "event", "language", "expires_at", "sent_at", "registration"]
    list_filter = [MeetingFilter, "language"]
    autocomplete_fields = ["event"]
    list_select_related = ["event", "event__series"]
    search_fields = ["organisation", "country", "contact_name", "email"]
    fields = [
        "event",
        "organisation",
        "country",
        "contact_name",
        "email",
        "language",
        "expires_at",
        "personal_link",
        "sent_at",
        "created_by",
    ]
    readonly_fields = ["personal_link", "sent_at", "created_by"]
    actions = ["send_link"]

    def get_changeform_initial_data(self, request):
        return {
            "expires_at": timezone.now() + timezone.timedelta(days=30),
            **super().get_changeform_initial_data(request),
        }

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("personal link"))
    def personal_link(self, invitation):
        if not invitation.pk:
            return _("Made when the invitation is saved.")
        return format_html(
            '<a href="{0}" target="_blank" rel="noopener">{0}</a>',
            settings.SITE_URL.rstrip("/") + invitation.get_absolute_url(),
        )

    @admin.display(description=_("registration"))
    def registration(self, invitation):
        state = getattr(invitation, "registration_state", None)
        return Delegation.State(state).label if state else _("not registered")

    def get_queryset(self, request):
        latest = Delegation.objects.filter(guest=OuterRef("pk")).order_by("-created_at").values("state")[:1]
        return super().get_queryset(request).annotate(registration_state=Subquery(latest))

    @admin.action(description=_("Send the personal link by e-mail"), permissions=["change"])
    def send_link(self, request, queryset):
        run_for_each(
            self,
            request,
            queryset.select_related("event"),
            lambda invitation: services.guest_invitation_send(invitation=invitation, by=request.user),
            lambda n: ngettext("%d invitation sent.", "%d invitations sent.", n) % n,
        )
