import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from events import notices
from events.models import Delegation, Event


class Command(BaseCommand):
    help = "E-mail each confirmed delegation's officers once, the set number of days before its event. Safe to run twice at once."

    def handle(self, *args, **options):
        now = timezone.now()
        sent = 0
        for event in Event.objects.filter(status=Event.Status.PUBLISHED, starts_at__gt=now):
            if event.starts_at > now + datetime.timedelta(days=event.reminder_days):
                continue
            waiting = Delegation.objects.filter(event=event, reminder_sent_at__isnull=True).confirmed()
            for delegation in waiting.select_related("event", "event__series", "city"):
                # Claiming the reminder is one conditional UPDATE: of two runs, exactly one gets the row.
                claimed = Delegation.objects.filter(pk=delegation.pk, reminder_sent_at__isnull=True).update(reminder_sent_at=now)
                if claimed:
                    notices.reminder(delegation)
                    sent += 1
        self.stdout.write(f"{sent} reminder(s) sent.")
