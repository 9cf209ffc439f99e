from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from association import demo as association_demo
from association import demo_english, demo_links
from core.search import index as search_index
from events import demo as events_demo
from members import demo as members_demo
from news import demo as news_demo
from publications import demo as publications_demo


class Command(BaseCommand):
    help = "Load realistic demo content into every app. Safe to run again: existing content is kept as is."

    def handle(self, *args, **options):
        def log(message):
            self.stdout.write(f"  {message}")

        # Demo registrations and decisions must not mail the (invented) liaison officers.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"), transaction.atomic():
            association_demo.load(log)
            news_demo.load(log)
            members_demo.load(log)
            events_demo.load(log)
            publications_demo.load(log)
            demo_links.load(log)
            demo_english.load(log)
            counts = search_index.rebuild()
            log(f"search index: {sum(counts.values())} entries")
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
