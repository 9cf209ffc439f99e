from django.core.management.base import BaseCommand

from core import jobs
from events import services
from events.tasks import EVENT_REMINDERS


class Command(BaseCommand):
    help = ("E-mail each confirmed delegation's officers once, the set number of days before its event. Safe to run "
            "twice at once. Celery beat runs it every quarter of an hour; this command is for cron.")

    def handle(self, *args, **options):
        with jobs.recorded_run(EVENT_REMINDERS) as summary:
            sent = services.reminders_send_due()
            summary(f"{sent} reminder(s)")
        self.stdout.write(f"{sent} reminder(s) written to the outbox.")
