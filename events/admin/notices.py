"""Meeting notices in the back office: written, sent to all or chosen regions and cities, and followed city by
city (not sent, sent, read, replied, registered), with a reminder for those who have not replied."""

from django.contrib import admin, messages
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from core.backoffice.admin_actions import run_for_each
from events import notice_services
from events.admin.filters import MeetingFilter
from events.models import MeetingNotice, NoticeRecipient


@admin.register(MeetingNotice)
class MeetingNoticeAdmin(admin.ModelAdmin):
    list_display = ["title", "event", "reply_by", "sent_at"]
    list_filter = [MeetingFilter]
    list_select_related = ["event", "event__series"]
    search_fields = ["title", "body"]
    filter_horizontal = ["regions"]
    autocomplete_fields = ["event", "cities"]
    fields = ["event", "title", "body", "attachment", "reply_by", "regions", "cities", "cities_by_state"]
    readonly_fields = ["cities_by_state"]
    actions = ["send", "remind"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("where each city stands"))
    def cities_by_state(self, notice):
        if not notice.pk:
            return _("Save the notice, then send it.")
        rows = notice_services.notice_table(notice)
        labels = {state: str(state.label) for state in notice_services.State}
        counts = {}
        for row in rows:
            counts[labels[row.state]] = counts.get(labels[row.state], 0) + 1
        return render_to_string(
            "admin/events/meetingnotice/cities_by_state.html",
            {
                "rows": _table_rows(rows, labels),
                "counts": counts,
                "notice": notice,
                "send_url": reverse("admin:events_meetingnotice_send", args=[notice.pk]),
                "remind_url": reverse("admin:events_meetingnotice_remind", args=[notice.pk]),
            },
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/send/",
                self.admin_site.admin_view(require_POST(self.send_one)),
                name="events_meetingnotice_send",
            ),
            path(
                "<int:pk>/remind/",
                self.admin_site.admin_view(require_POST(self.remind_one)),
                name="events_meetingnotice_remind",
            ),
            *super().get_urls(),
        ]

    def _run(self, request, pk, action):
        notice = get_object_or_404(MeetingNotice, pk=pk)
        getattr(self, action)(request, MeetingNotice.objects.filter(pk=notice.pk))
        return redirect("admin:events_meetingnotice_change", notice.pk)

    def send_one(self, request, pk):
        return self._run(request, pk, "send")

    def remind_one(self, request, pk):
        return self._run(request, pk, "remind")

    @admin.action(description=_("Send to the chosen cities (those not yet sent it)"), permissions=["change"])
    def send(self, request, queryset):
        total = []
        run_for_each(
            self,
            request,
            queryset,
            lambda notice: total.append(notice_services.notice_send(notice=notice, by=request.user)),
            lambda n: (
                ngettext("Sent to %(cities)d city.", "Sent to %(cities)d cities.", sum(total)) % {"cities": sum(total)}
            ),
        )

    @admin.action(description=_("Remind the cities that have not replied"), permissions=["change"])
    def remind(self, request, queryset):
        total = []
        run_for_each(
            self,
            request,
            queryset,
            lambda notice: total.append(notice_services.notice_remind(notice=notice, by=request.user)),
            lambda n: (
                ngettext("%(cities)d city reminded.", "%(cities)d cities reminded.", sum(total))
                % {"cities": sum(total)}
            ),
        )
        if not sum(total):
            self.message_user(request, _("Every city has replied or registered."), messages.INFO)


def _table_rows(rows, labels):
    """The table's rows, one per member city: written here rather than in the template, which took half a second
    for two thousand cities."""
    replies = dict(NoticeRecipient.Reply.choices)

    def when(moment):
        return date_format(timezone.localtime(moment), "m-d H:i") if moment else ""

    return format_html_join(
        "",
        '<tr class="notice-state--{}"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>',
        (
            (
                row.state,
                row.city.name,
                labels[row.state],
                when(row.recipient and row.recipient.read_at),
                replies.get(row.recipient.reply, "") if row.recipient else "",
                row.recipient.reason if row.recipient else "",
                when(row.recipient and row.recipient.reminded_at),
            )
            for row in rows
        ),
    )
