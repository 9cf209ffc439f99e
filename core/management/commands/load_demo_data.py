from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from core import registry
from core.search import index as search_index


class Command(BaseCommand):
    help = "Load realistic demo content into every app. Safe to run again: existing content is kept as is."

    def handle(self, *args: Any, **options: Any) -> None:
        def log(message: str) -> None:
            self.stdout.write(f"  {message}")

        # Demo registrations and decisions must not mail or text the (invented) liaison officers.
        with (
            override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend", SMS_URL="console://"),
            transaction.atomic(),
        ):
            for load in registry.demo_loaders():  # as each app declares its demo (contributions.py)
                load(log)
            counts = search_index.rebuild()
            log(f"search index: {sum(counts.values())} entries")
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
