from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from core import tasks


class Command(BaseCommand):
    help = (
        "Send the e-mails of the outbox that have been due for longer than OUTBOX_SWEEP_AFTER_SECONDS (the sweep "
        "celery beat runs every OUTBOX_SWEEP_INTERVAL_SECONDS). For deployments without Redis: run it from cron "
        "every minute."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--forget-sent",
            action="store_true",
            help="instead, delete sent e-mails older than OUTBOX_KEEP_DAYS (daily)",
        )

    def handle(self, *args: Any, forget_sent: bool, **options: Any) -> None:
        self.stdout.write(tasks.forget_sent_emails() if forget_sent else tasks.sweep_outbox())
