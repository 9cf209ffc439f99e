from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from core import tasks


class Command(BaseCommand):
    help = (
        "Send the e-mails and text messages of the outboxes that have been due for longer than "
        "OUTBOX_SWEEP_AFTER_SECONDS (the sweeps celery beat runs every OUTBOX_SWEEP_INTERVAL_SECONDS). For "
        "deployments without Redis: run it from cron every minute."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--forget-sent",
            action="store_true",
            help="instead, delete sent e-mails and text messages older than OUTBOX_KEEP_DAYS (daily)",
        )
        parser.add_argument(
            "--sms-receipts",
            action="store_true",
            help="instead, read the SMS providers' delivery receipts and stop replies (every five minutes)",
        )

    def handle(self, *args: Any, forget_sent: bool, sms_receipts: bool, **options: Any) -> None:
        if forget_sent:
            self.stdout.write(tasks.forget_sent_emails())
        elif sms_receipts:
            self.stdout.write(tasks.sms_receipts())
        else:
            self.stdout.write(tasks.sweep_outbox())
            self.stdout.write(tasks.sweep_sms())
