from django.conf import settings
from django.core.management.base import BaseCommand

from events import tasks


class Command(BaseCommand):
    help = (
        "Erase delegates' contact and travel details some days after their event ended; names and counts are kept. "
        "Celery beat runs it every night; this command is for cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.DELEGATE_DATA_RETENTION_DAYS,
            help="days after the end of the event (default: DELEGATE_DATA_RETENTION_DAYS)",
        )

    def handle(self, *args, days, **options):
        self.stdout.write(tasks.purge_delegate_data(days))
