"""A backup of the demo content restores into a fresh database and fresh storage with identical rows (count and
checksum per table) and identical files, on PostgreSQL and SQLite; damaged archives and non-empty targets are
refused before anything is written."""

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from core import backup
from tests.browser.conftest import restore_staff_groups

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def demo(isolated_storage):
    restore_staff_groups()  # a transactional test empties every table after it, the groups too
    call_command("load_demo_data", stdout=io.StringIO())


def files_under(folder):
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in Path(folder).rglob("*")
        if path.is_file()
    }


def manage(env, *args):
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
    return done.stdout


def restore_elsewhere(tmp_path, database, location, **env):
    """`manage.py restore location` into `database` and empty media folders (media2, private2) under tmp_path, as a
    new machine would: what it printed, and the restored tables' checksums."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DEBUG": "true",
        "DATABASE_URL": database,
        "MEDIA_ROOT": str(tmp_path / "media2"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private2"),
        "PYTHONDONTWRITEBYTECODE": "1",
        **env,
    }
    printed = manage(env, "restore", location)
    checksums = "import json; from core import backup; print(json.dumps(backup.table_checksums()))"
    return printed, json.loads(manage(env, "shell", "-c", checksums).strip().splitlines()[-1])


def test_the_demo_restores_to_identical_rows_and_files(settings, tmp_path, fresh_database):
    archive = backup.create(tmp_path / "backup.tar")
    rows = backup.table_checksums()
    media, documents = files_under(settings.MEDIA_ROOT), files_under(tmp_path / "private")
    assert rows["news_article"]["rows"] > 20 and len(media) > 20 and len(documents) > 5
    printed, restored = restore_elsewhere(tmp_path, fresh_database, str(archive))

    assert "every table matches the backup" in printed
    assert restored == rows
    assert files_under(tmp_path / "media2") == media
    assert files_under(tmp_path / "private2") == documents


def test_a_damaged_archive_is_refused(settings, tmp_path):
    archive = backup.create(tmp_path / "backup.tar")
    damaged = tmp_path / "damaged.tar"
    damaged_member = next(name for name in backup.verify(archive)["files"] if name.startswith("files/default/"))
    with tarfile.open(archive) as source, tarfile.open(damaged, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == damaged_member:
                data = data[:-1] + bytes([data[-1] ^ 0xFF])
            info = tarfile.TarInfo(member.name)
            info.size = len(data)
            target.addfile(info, io.BytesIO(data))

    with pytest.raises(backup.BackupError, match="damaged"):
        backup.verify(damaged)
    assert backup.verify(archive)["vendor"] == connection.vendor


def test_restoring_into_a_database_or_storage_that_is_not_empty_is_refused(settings, tmp_path):
    archive = backup.create(tmp_path / "backup.tar")

    with pytest.raises(backup.BackupError, match="not empty"):
        backup.restore(archive)


def test_the_archive_is_readable_by_its_owner_only_and_has_a_manifest(settings, tmp_path):
    archive = backup.create(tmp_path / "backup.tar")

    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
    assert oct(archive.stat().st_mode & 0o777) == "0o600"
    assert manifest["vendor"] == connection.vendor and "auth_user" in manifest["tables"]
