from django.core.management.base import BaseCommand

from news import tasks


class Command(BaseCommand):
    help = (
        "Delete photos uploaded from the editor into articles that were never saved, two days on. Celery beat "
        "runs it daily; this is for cron."
    )

    def handle(self, *args, **options):
        self.stdout.write(tasks.sweep_unplaced_images())
