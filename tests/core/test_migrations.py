"""Migrations can be trusted on an upgrade: every model change has its migration (`make test` also runs
`makemigrations --check`), every data migration says how to go back, and the whole history runs backwards to zero
and forwards again on a fresh database."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import migrations
from django.db.migrations.loader import MigrationLoader

ROOT = Path(__file__).resolve().parents[2]
PROJECT_APPS = {
    "core",
    "association",
    "members",
    "events",
    "news",
    "publications",
    "subscriptions",
    "governance",
    "surveys",
}


def project_migrations():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return [migration for (app, _name), migration in sorted(loader.disk_migrations.items()) if app in PROJECT_APPS]


@pytest.mark.django_db
def test_no_model_change_lacks_its_migration():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exit:
        assert not exit.code, f"models changed without a migration:\n{out.getvalue()}"


def test_every_data_migration_can_run_backwards():
    one_way = [
        f"{migration.app_label}.{migration.name}: {type(operation).__name__}"
        for migration in project_migrations()
        for operation in migration.operations
        if (isinstance(operation, migrations.RunPython) and operation.reverse_code is None)
        or (isinstance(operation, migrations.RunSQL) and operation.reverse_sql is None)
    ]

    assert one_way == [], "give them reverse_code (RunPython.noop where nothing needs undoing)"


def test_the_whole_history_runs_backwards_to_zero_and_forwards_again(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'scratch.sqlite3'}",
        "PYTHONDONTWRITEBYTECODE": "1",
    }

    def manage(*args):
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]

    manage("migrate", "--noinput", "-v0")
    for app in (
        "subscriptions",
        "publications",
        "surveys",
        "governance",
        "news",
        "events",
        "members",
        "association",
        "core",
    ):
        manage("migrate", app, "zero", "--noinput", "-v0")
    manage("migrate", "--noinput", "-v0")
