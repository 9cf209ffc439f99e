from django.conf import settings
from django.core.management.base import BaseCommand

from core import jobs
from events import services
from events.tasks import DELEGATE_DATA_PURGE


class Command(BaseCommand):
    help = ("Erase delegates' contact and travel details some days after their event ended; names and counts are kept. "
            "Celery beat runs it every night; this command is for cron.")

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.DELEGATE_DATA_RETENTION_DAYS,
                            help="days after the end of the event (default: DELEGATE_DATA_RETENTION_DAYS)")

    def handle(self, *args, days, **options):
        with jobs.recorded_run(DELEGATE_DATA_PURGE) as summary:
            erased, cutoff = services.delegate_data_purge(days=days)
            summary(f"{erased} delegate(s)")
        self.stdout.write(f"Contact and travel details erased for {erased} delegate(s) of events that ended before {cutoff:%Y-%m-%d}.")
