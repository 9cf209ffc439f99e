from django.core.management.base import BaseCommand

from news import tasks


class Command(BaseCommand):
    help = (
        "Add the views counted since the last flush to their articles. "
        "Celery beat runs it every minute; this is for cron."
    )

    def handle(self, *args, **options):
        self.stdout.write(tasks.flush_view_counts())
