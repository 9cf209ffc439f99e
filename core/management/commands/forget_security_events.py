"""python manage.py forget_security_events: delete security-log events older than SECURITY_LOG_KEEP_DAYS (also a
daily job on celery beat)."""

from typing import Any

from django.core.management.base import BaseCommand

from core import tasks


class Command(BaseCommand):
    help = "Delete security-log events older than SECURITY_LOG_KEEP_DAYS."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(tasks.forget_security_events())
