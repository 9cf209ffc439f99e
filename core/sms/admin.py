"""The SMS outbox, its templates and its opt-outs as staff see them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core import registry
from core.phones import display_e164
from core.sms import outbox
from core.sms.models import OutgoingSms, SmsOptOut, SmsTemplate

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django_stubs_ext import StrOrPromise


@admin.register(SmsTemplate)
class SmsTemplateAdmin(admin.ModelAdmin):
    list_display = ["kind", "text", "aliyun_code", "tencent_id", "is_active"]
    list_filter = ["is_active"]
    readonly_fields = ["parameters_and_example"]
    fields = ["kind", "parameters_and_example", "text", "aliyun_code", "tencent_id", "is_active"]

    @admin.display(description=_("parameters"))
    def parameters_and_example(self, template: SmsTemplate) -> StrOrPromise:
        kinds = registry.sms_kinds().values()
        return format_html_join(
            "",
            "<p><strong>{}</strong>: {}<br>{}</p>",
            ((kind.label, " ".join(f"${{{name}}}" for name in kind.parameters), kind.example) for kind in kinds),
        )


@admin.register(OutgoingSms)
class OutgoingSmsAdmin(admin.ModelAdmin):
    """What was sent to whom, through which provider, and whether it arrived. Nothing is edited; failed messages
    can be sent again."""

    list_display = ["created_at", "number", "kind", "state", "delivery_shown", "provider", "attempts"]
    list_filter = ["state", "delivery", "kind", "provider", "created_at"]
    search_fields = ["to", "text", "provider_message_id"]
    date_hierarchy = "created_at"
    actions = ["send_again"]
    fields = readonly_fields = (
        "kind",
        "number",
        "text",
        "state",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "give_up_at",
        "sent_at",
        "provider",
        "provider_message_id",
        "segments",
        "cost",
        "delivery",
        "delivery_error",
        "delivered_at",
        "key",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: OutgoingSms | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: OutgoingSms | None = None) -> bool:
        return obj is None and super().has_change_permission(request)

    @admin.display(description=_("mobile number"), ordering="to")
    def number(self, message: OutgoingSms) -> str:
        return display_e164(message.to)

    @admin.display(description=_("delivery"), ordering="delivery")
    def delivery_shown(self, message: OutgoingSms) -> StrOrPromise:
        if message.delivery == OutgoingSms.Delivery.UNDELIVERED:
            return format_html("{} ({})", message.get_delivery_display(), message.delivery_error)
        return message.get_delivery_display() if message.state == OutgoingSms.State.SENT else "—"

    @admin.action(description=_("Send the selected text messages again"), permissions=["change"])
    def send_again(self, request: HttpRequest, queryset: QuerySet[OutgoingSms]) -> None:
        count = outbox.send_again(queryset.exclude(state=OutgoingSms.State.SENT))
        if count:
            self.message_user(
                request,
                ngettext(
                    "%(count)d text message will be sent again.", "%(count)d text messages will be sent again.", count
                )
                % {"count": count},
                messages.SUCCESS,
            )
        else:
            self.message_user(request, _("Sent or cancelled messages are not sent again."), messages.WARNING)


@admin.register(SmsOptOut)
class SmsOptOutAdmin(admin.ModelAdmin):
    list_display = ["number", "via", "reply", "at"]
    list_filter = ["via"]
    search_fields = ["number"]
    readonly_fields = ["at"]
