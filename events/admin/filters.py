import datetime

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event

RECENT_DAYS = 365
MOST_SHOWN = 40


class MeetingFilter(admin.SimpleListFilter):
    """By meeting: the meetings of the last year and those to come, newest first (at most MOST_SHOWN, however many
    years of meetings there are). An older one is reached from its own page, whose links carry the same parameter."""

    title = _("meeting")
    parameter_name = "event__id__exact"

    def lookups(self, request, model_admin):
        since = timezone.now() - datetime.timedelta(days=RECENT_DAYS)
        meetings = list(
            Event.objects.filter(starts_at__gte=since).select_related("series").order_by("-starts_at")[:MOST_SHOWN]
        )
        chosen = self.value()
        if chosen and chosen.isdigit() and all(str(meeting.pk) != chosen for meeting in meetings):
            meetings += Event.objects.filter(pk=chosen).select_related("series")
        return [(str(meeting.pk), str(meeting)) for meeting in meetings]

    def queryset(self, request, queryset):
        chosen = self.value()
        if not chosen:
            return queryset
        if not chosen.isdigit():
            raise IncorrectLookupParameters(_("Choose a meeting from the list."))
        return queryset.filter(event_id=int(chosen))
