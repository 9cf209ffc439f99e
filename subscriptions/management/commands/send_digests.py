from django.core.management.base import BaseCommand

from subscriptions import services


class Command(BaseCommand):
    help = "Write today's e-mail digests into the outbox (celery beat runs this at 07:00; for cron without Celery)."

    def handle(self, *args, **options):
        self.stdout.write(f"digests written: {services.send_digests()}")
