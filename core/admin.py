from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import apps
from django.contrib import admin, messages
from django.contrib.auth import admin as auth_admin
from django.contrib.auth.models import Group
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.backoffice import admin_labels
from core.mail import outbox
from core.models import BlockedTerm, ExportLog, OutgoingEmail, PeriodicRun, SecurityEvent

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(ExportLog)
class ExportLogAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "user", "what", "row_count"]
    list_filter = ["created_at"]
    list_select_related = ["user"]


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    """The outbox as staff see it: what was sent, what waits and why. Nothing here is edited; failed e-mails can be
    sent again. Bodies holding a sign-in link (invitations, password resets) are never shown."""

    list_display = ["created_at", "subject", "first_recipient", "kind", "state", "attempts"]
    list_filter = ["state", "kind", "created_at"]
    search_fields = ["subject", "to"]
    date_hierarchy = "created_at"
    actions = ["send_again"]
    fields = readonly_fields = (  # every field shown, none edited
        "kind",
        "recipients",
        "language",
        "subject",
        "body_for_staff",
        "state",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "give_up_at",
        "sent_at",
        "message_id_header",
        "key",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: OutgoingEmail | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: OutgoingEmail | None = None) -> bool:
        # "change" lets staff send failed e-mails again from the list; a single e-mail is only ever viewed.
        return obj is None and super().has_change_permission(request)

    @admin.display(description=_("recipients"))
    def recipients(self, message: OutgoingEmail) -> str:
        return ", ".join(message.to)

    @admin.display(description=_("recipient"))
    def first_recipient(self, message: OutgoingEmail) -> str:
        if len(message.to) > 1:
            return _("%(first)s and %(more)d more") % {"first": message.to[0], "more": len(message.to) - 1}
        return message.to[0] if message.to else ""

    @admin.display(description=_("Message-ID"))
    def message_id_header(self, message: OutgoingEmail) -> str:
        return message.message_id

    @admin.display(description=_("body"))
    def body_for_staff(self, message: OutgoingEmail) -> StrOrPromise:
        if message.is_secret:
            return _("Not shown: this e-mail holds a personal sign-in link.")
        return format_html_join("", "{}<br>", ((line,) for line in message.body.splitlines()))

    @admin.action(description=_("Send the selected e-mails again"), permissions=["change"])
    def send_again(self, request: HttpRequest, queryset: QuerySet[OutgoingEmail]) -> None:
        count = outbox.send_again(queryset.exclude(state=OutgoingEmail.State.SENT))
        if count:
            self.message_user(
                request,
                ngettext("%(count)d e-mail will be sent again.", "%(count)d e-mails will be sent again.", count)
                % {"count": count},
                messages.SUCCESS,
            )
        else:
            self.message_user(request, _("Sent e-mails are not sent again."), messages.WARNING)


@admin.register(PeriodicRun)
class PeriodicRunAdmin(ReadOnlyAdmin):
    list_display = ["name", "finished_at", "duration", "summary"]


@admin.register(BlockedTerm)
class BlockedTermAdmin(admin.ModelAdmin):
    """The words and sites of spam that no text may hold (core/integrity.py); news reviewers keep the list."""

    list_display = ["term", "kind", "note", "created_at"]
    list_filter = ["kind"]
    search_fields = ["term", "note"]


@admin.register(SecurityEvent)
class SecurityEventAdmin(ReadOnlyAdmin):
    """The security log: read here, never changed; deleted after SECURITY_LOG_KEEP_DAYS."""

    list_display = ["at", "kind", "username", "ip_address", "path", "detail"]
    list_filter = ["kind", "at"]
    search_fields = ["username", "ip_address", "path", "detail"]
    date_hierarchy = "at"


class GroupAdmin(auth_admin.GroupAdmin):
    list_display = ["label"]

    @admin.display(description=_("name"), ordering="name")
    def label(self, group: Group) -> str:
        return admin_labels.group_label(group)


admin.site.unregister(Group)
admin.site.register(Group, GroupAdmin)


# django-axes and django-otp register admins for records the portal does not keep (every sign-in, every failure) or
# that staff have no use for (authenticator devices: the user list shows and resets two-step sign-in).
for _model in ("axes.AccessLog", "axes.AccessFailureLog", "otp_totp.TOTPDevice", "otp_static.StaticDevice"):
    _registered = admin.site._registry.get(apps.get_model(_model))
    if _registered is not None:
        admin.site.unregister(_registered.model)
from core.sms import admin as sms_admin  # noqa: F401,E402  (registers the SMS outbox's admin)
