"""`make upgrade`'s first step: refuse the release if one of the project's migrations not yet applied would break
the version still running while it is rolled out (README, "Upgrades": expand, then contract a release later).
django-migration-linter reads the SQL each migration would run: dropping or renaming a column or table, a NOT NULL
column without a database default, and the like are refused. A new database has nothing running against it, and
the installed packages' migrations are theirs to keep compatible: neither is judged."""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder


def project_apps() -> list[str]:
    root = Path(settings.BASE_DIR)
    return sorted(
        config.label
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(root) and not Path(config.path).is_relative_to(root / ".venv")
    )


class Command(BaseCommand):
    help = "Refuse migrations not yet applied that the running version of the portal could not live with."

    def handle(self, *args: object, **options: object) -> None:
        recorder = MigrationRecorder(connection)
        if not recorder.has_table() or not recorder.applied_migrations():
            self.stdout.write("A new database: nothing runs against it yet, so every migration may be applied.")
            return
        call_command("lintmigrations", unapplied_migrations=True, include_apps=project_apps(), stdout=self.stdout)
