"""`make upgrade` is safe to run twice, and rebuilds the search index only when its format changed; `make run` and
`make serve` take PORT."""

import os
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from core.search import index
from tests.factories import ArticleFactory

ROOT = Path(__file__).resolve().parents[2]


def rebuild_if_changed():
    out = StringIO()
    call_command("rebuild_search_index", "--if-changed", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_index_is_rebuilt_once_per_format(monkeypatch):
    ArticleFactory()

    first, second = rebuild_if_changed(), rebuild_if_changed()
    monkeypatch.setattr(index, "FORMAT_VERSION", index.FORMAT_VERSION + 1)
    after_a_format_change = rebuild_if_changed()

    assert "rebuilt (article: 1" in first and "up to date" in second and "rebuilt" in after_a_format_change


def dry_run(*args):
    return subprocess.run(["make", "--dry-run", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def test_upgrade_installs_migrates_collects_and_reindexes_if_needed():
    steps = dry_run("upgrade")

    for step in (
        "manage.py migrate --noinput",
        "manage.py collectstatic --noinput",
        "manage.py rebuild_search_index --if-changed",
        "manage.py check --deploy",
    ):
        assert step in steps


def test_run_and_serve_take_a_port():
    assert "runserver 127.0.0.1:8123" in dry_run("run", "PORT=8123")
    assert "demo_logins --port 8123" in dry_run("run", "PORT=8123")
    assert "runserver 127.0.0.1:8000" in dry_run("run")


def test_upgrade_lints_the_unapplied_migrations_before_it_migrates():
    steps = dry_run("upgrade").splitlines()
    lint = next(n for n, step in enumerate(steps) if "manage.py check_migrations" in step)
    assert lint < next(n for n, step in enumerate(steps) if "manage.py migrate --noinput" in step)


BREAKING = """from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("news", "{last}")]
    operations = [migrations.RemoveField("article", "subtitle")]
"""

EXPANDING = """from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("news", "{last}")]
    operations = [
        migrations.AddField("article", "lead_en", models.CharField(max_length=200, blank=True, db_default="")),
        migrations.AddField("article", "reviewed_on", models.DateField(null=True, blank=True)),
    ]
"""


@pytest.mark.postgres
@pytest.mark.django_db
def test_upgrade_refuses_a_migration_that_the_running_version_could_not_live_with(tmp_path):
    """A copy of the project with one more news migration, linted against this test's database, where every other
    migration is applied: dropping a column that the running version reads is refused; adding what it ignores is
    not."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the subprocess reads the test database, which is SQLite's in memory")
    tree = tmp_path / "project"
    shutil.copytree(
        ROOT, tree, ignore=shutil.ignore_patterns(".git", ".venv", "node_modules", "var", "__pycache__", ".*_cache")
    )
    last = sorted(p.stem for p in (ROOT / "news/migrations").glob("0*.py"))[-1]
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
    }

    def lint(migration):
        (tree / "news/migrations/9999_next_release.py").write_text(migration.format(last=last))
        return subprocess.run(
            [sys.executable, "manage.py", "check_migrations"],
            cwd=tree,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    breaking, expanding = lint(BREAKING), lint(EXPANDING)

    assert breaking.returncode == 1 and "DROPPING columns" in breaking.stdout, breaking.stdout + breaking.stderr
    assert "(news, 9999_next_release)... ERR" in breaking.stdout
    assert "Erroneous migrations: 1/" in breaking.stdout  # the applied ones are not judged again
    assert expanding.returncode == 0, expanding.stdout + expanding.stderr


def test_a_new_database_may_take_every_migration(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check_migrations"],
        cwd=ROOT,
        env={**os.environ, "DEBUG": "true", "DATABASE_URL": f"sqlite:///{tmp_path / 'new.sqlite3'}"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "A new database" in result.stdout, result.stdout + result.stderr
