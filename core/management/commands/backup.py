from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from core import backup, backup_storage


class Command(BaseCommand):
    help = (
        "Write one archive with a consistent database dump, the media and the private documents, and a manifest "
        "of checksums (into BACKUP_DIR, var/backups by default), encrypted with age for BACKUP_AGE_RECIPIENTS and "
        "copied into BACKUP_BUCKET when they are set. `--verify ARCHIVE` checks an archive (a path or "
        "s3://BACKUP_BUCKET/name) instead."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", help="the archive's path (default: BACKUP_DIR/portal-<time>.tar[.age])")
        parser.add_argument("--verify", metavar="ARCHIVE", help="only check an archive against its manifest")

    def handle(self, *args: Any, output: str | None = None, verify: str | None = None, **options: Any) -> None:
        try:
            if verify:
                with backup_storage.local(verify) as path:
                    manifest = backup.verify(path)
                self.stdout.write(
                    self.style.SUCCESS(
                        f"{verify}: intact ({len(manifest['tables'])} tables, {len(manifest['files'])} files)."
                    )
                )
                return
            archive = backup.create(Path(output) if output else None)
            copied = backup_storage.upload(archive) if settings.BACKUP_BUCKET else None
        except (backup.BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from None
        sealed = "encrypted with age" if backup_storage.encrypting() else "NOT encrypted (set BACKUP_AGE_RECIPIENTS)"
        self.stdout.write(
            self.style.SUCCESS(f"Backup written: {archive} ({archive.stat().st_size // 1024} KB, {sealed})")
        )
        if copied:
            self.stdout.write(self.style.SUCCESS(f"Copied to {copied}"))
