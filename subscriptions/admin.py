from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from subscriptions.models import Subscriber


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    """Staff see how many follow what, and can look an address up when its owner asks; the list shows addresses
    masked, and no one adds or edits a subscription here: only its owner does, by the links in the e-mails."""

    list_display = ["__str__", "state", "frequency", "language", "events", "created_at", "confirmed_at"]
    list_filter = ["state", "frequency", "language", "events", "categories", "periodicals"]
    search_fields = ["=email"]
    search_help_text = _("The whole e-mail address.")
    readonly_fields = [
        "state",
        "frequency",
        "language",
        "events",
        "categories_followed",
        "periodicals_followed",
        "consent_statement",
        "consent_at",
        "confirmed_at",
        "unsubscribed_at",
        "bounced_at",
        "last_digest_at",
        "created_at",
    ]
    fields = readonly_fields
    actions = ["mark_bounced"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("news categories"))
    def categories_followed(self, subscriber):
        return ", ".join(str(category) for category in subscriber.categories.all()) or "—"

    @admin.display(description=_("periodicals"))
    def periodicals_followed(self, subscriber):
        return ", ".join(str(periodical) for periodical in subscriber.periodicals.all()) or "—"

    @admin.action(description=_("Stop mail to these addresses (their mail server refuses it)"), permissions=["delete"])
    def mark_bounced(self, request, queryset):
        from subscriptions import services

        count = services.mark_bounced(queryset.values_list("email", flat=True))
        self.message_user(request, _("%(count)d addresses will receive nothing more.") % {"count": count})
