from django.core.management.base import BaseCommand

from subscriptions import tasks


class Command(BaseCommand):
    help = "Announce the periodical issues that are out and not yet announced (celery beat runs this every 15 minutes)."

    def handle(self, *args, **options):
        self.stdout.write(f"announcements written: {tasks.announce_new_issues()}")
