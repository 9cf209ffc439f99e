from django.core.management.base import BaseCommand

from core.search import index


class Command(BaseCommand):
    help = "Rebuild the site-wide search index from the articles, events, member cities and documents."

    def handle(self, *args, **options):
        counts = index.rebuild()
        summary = ", ".join(f"{kind}: {count}" for kind, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt ({summary})."))
