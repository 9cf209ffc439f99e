from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core import backup


class Command(BaseCommand):
    help = (
        "Write one archive with a consistent database dump, the media and the private documents, and a manifest "
        "of checksums (into BACKUP_DIR, var/backups by default). `--verify ARCHIVE` checks an archive instead."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", help="the archive's path (default: BACKUP_DIR/portal-<time>.tar)")
        parser.add_argument("--verify", metavar="ARCHIVE", help="only check an archive against its manifest")

    def handle(self, *args: Any, output: str | None = None, verify: str | None = None, **options: Any) -> None:
        try:
            if verify:
                manifest = backup.verify(Path(verify))
                self.stdout.write(
                    self.style.SUCCESS(
                        f"{verify}: intact ({len(manifest['tables'])} tables, {len(manifest['files'])} files)."
                    )
                )
                return
            archive = backup.create(Path(output) if output else None)
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Backup written: {archive} ({archive.stat().st_size // 1024} KB)"))
