from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core import backup, backup_storage


class Command(BaseCommand):
    help = "Restore a backup archive into an empty database and empty storage, then check the rows against it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", help="a path, or s3://BACKUP_BUCKET/name")

    def handle(self, *args: Any, archive: str, **options: Any) -> None:
        try:
            with backup_storage.local(archive) as path:
                restored = backup.restore(path)
        except (backup.BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {restored['rows']} rows in {restored['tables']} tables and {restored['files']} files; "
                "every table matches the backup."
            )
        )
