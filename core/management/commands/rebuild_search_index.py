from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from core.search import index


class Command(BaseCommand):
    help = "Rebuild the site-wide search index from everything searchable (every registered kind)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-changed",
            action="store_true",
            help="only when the index's format differs from the one it was last built in (make upgrade)",
        )

    def handle(self, *args: Any, if_changed: bool = False, **options: Any) -> None:
        if if_changed and index.built_format() == index.index_format():
            self.stdout.write(f"Search index up to date (format {index.index_format()}).")
            return
        counts = index.rebuild()
        summary = ", ".join(f"{kind}: {count}" for kind, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt ({summary})."))
