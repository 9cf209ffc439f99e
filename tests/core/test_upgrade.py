"""`make upgrade` is safe to run twice, and rebuilds the search index only when its format changed; `make run` and
`make serve` take PORT."""

import subprocess
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
