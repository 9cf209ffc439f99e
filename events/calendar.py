"""iCalendar files of public events (icalendar package)."""

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from core.i18n.translation import localized


def calendar_for(events, *, absolute_url, name):
    calendar = Calendar()
    calendar.add("prodid", "-//mayors-association-portal//events//ZH")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for event in events:
        entry = CalendarEvent()
        entry.add("uid", f"event-{event.pk}@mayors-association-portal")
        entry.add("summary", event.display_title)
        entry.add("dtstart", event.starts_at)
        entry.add("dtend", event.ends_at)
        entry.add("dtstamp", timezone.now())
        location = " ".join(part for part in (localized(event, "venue"), event.address) if part)
        if location:
            entry.add("location", location)
        entry.add("url", absolute_url(event.get_absolute_url()))
        if event.description:
            entry.add("description", localized(event, "description"))
        if event.status == event.Status.CANCELLED:
            entry.add("status", "CANCELLED")
        calendar.add_component(entry)
    return calendar.to_ical()
