from django.core.management.base import BaseCommand

from events import tasks


class Command(BaseCommand):
    help = (
        "E-mail each confirmed delegation's officers once, the set number of days before its event. Safe to run "
        "twice at once. Celery beat runs it every quarter of an hour; this command is for cron."
    )

    def handle(self, *args, **options):
        self.stdout.write(tasks.send_event_reminders())
