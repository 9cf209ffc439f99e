"""Backups an operator can trust: one archive with a consistent database dump, the public media and the private
documents, and a manifest of checksums (each file's, and each table's rows); a restore into an empty database and
empty storage checks the archive first and the restored rows afterwards.

The dump is PostgreSQL's own (`pg_dump` custom format, one consistent snapshot) or SQLite's online backup. Files
are read and written through the storage API, so S3-compatible storage is backed up and restored the same way."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages
from django.db import connection, connections
from django.utils import timezone

from core import backup_storage
from core.backup_storage import BackupError as BackupError  # the commands and tests catch it here

FORMAT = 1
STORAGES = ("default", "documents")  # public media, private documents


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def table_checksums() -> dict[str, dict[str, Any]]:
    """Every model table's row count and a checksum of its rows in primary-key order: equal after a restore into
    the same kind of database."""
    result = {}
    for model in sorted(apps.get_models(include_auto_created=True), key=lambda m: m._meta.db_table):
        if model._meta.proxy or not model._meta.managed:
            continue
        fields = [field.attname for field in model._meta.concrete_fields]
        digest = hashlib.sha256()
        count = 0
        for row in model._base_manager.order_by("pk").values_list(*fields).iterator(chunk_size=2000):
            digest.update(repr(row).encode())
            count += 1
        result[model._meta.db_table] = {"rows": count, "checksum": digest.hexdigest()}
    return result


def _walk(storage: Storage, folder: str = "") -> Iterator[str]:
    folders, files = storage.listdir(folder)
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from _walk(storage, f"{folder}/{sub}" if folder else sub)


def stored_files(alias: str) -> Iterator[str]:
    storage = storages[alias]
    try:
        yield from _walk(storage)
    except FileNotFoundError:  # a local folder not made yet: nothing stored
        return


def _pg_env(settings_dict: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    args = [
        "--host",
        settings_dict.get("HOST") or "127.0.0.1",
        "--port",
        str(settings_dict.get("PORT") or 5432),
        "--username",
        settings_dict.get("USER") or "postgres",
    ]
    env = {**os.environ}
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    return args, env


def _dump_database(folder: Path) -> str:
    if connection.vendor == "postgresql":
        target = folder / "database.dump"
        args, env = _pg_env(connection.settings_dict)
        done = subprocess.run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                *args,
                "--dbname",
                connection.settings_dict["NAME"],
                "--file",
                str(target),
            ],
            env=env,
            check=False,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise BackupError(f"pg_dump failed: {done.stderr.strip()}")
        return target.name
    if connection.vendor == "sqlite":
        target = folder / "database.sqlite3"
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)  # SQLite's online backup: a consistent copy while in use
        finally:
            destination.close()
        return target.name
    raise BackupError(f"backups of {connection.vendor} databases are not supported")


def create(archive: Path | None = None) -> Path:
    """Write a backup archive (into BACKUP_DIR unless a path is given), encrypted when BACKUP_AGE_RECIPIENTS are
    set, and return its path."""
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    if backup_storage.encrypting():
        backup_storage.recipients()  # a mistyped key is refused before anything is dumped
    suffix = ".tar" + (backup_storage.ENCRYPTED_SUFFIX if backup_storage.encrypting() else "")
    archive = archive or Path(settings.BACKUP_DIR) / f"portal-{stamp}{suffix}"
    archive.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        dump = _dump_database(folder)
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "vendor": connection.vendor,
            "database": {"file": dump, "sha256": sha256_of((folder / dump).read_bytes())},
            "tables": table_checksums(),
            "files": {},
        }
        plain = folder / "archive.tar"
        with tarfile.open(plain, "w") as tar:
            tar.add(folder / dump, arcname=dump)
            for alias in STORAGES:
                storage = storages[alias]
                for name in stored_files(alias):
                    with storage.open(name, "rb") as handle:
                        data = handle.read()
                    member = f"files/{alias}/{name}"
                    manifest["files"][member] = sha256_of(data)
                    info = tarfile.TarInfo(member)
                    info.size = len(data)
                    tar.addfile(info, io.BytesIO(data))
            data = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        partial = archive.with_name(archive.name + ".part")
        if backup_storage.encrypting():
            backup_storage.seal(plain, partial)
        else:
            shutil.move(plain, partial)
        partial.rename(archive)  # only a whole archive ever carries the final name
    archive.chmod(0o600)  # it holds members' documents and personal data
    return archive


def read_manifest(tar: tarfile.TarFile) -> dict[str, Any]:
    try:
        manifest = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
    except (KeyError, AttributeError, ValueError) as error:
        raise BackupError("not a portal backup: it has no readable manifest.json") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"backup format {manifest.get('format')} is not {FORMAT}")
    return manifest


def verify(archive: Path) -> dict[str, Any]:
    """Every member of the archive against its checksum in the manifest; the manifest, or BackupError."""
    with backup_storage.opened(archive) as plain:
        return _verify_plain(plain)


def _verify_plain(archive: Path) -> dict[str, Any]:
    with tarfile.open(archive) as tar:
        manifest = read_manifest(tar)
        expected = {manifest["database"]["file"]: manifest["database"]["sha256"], **manifest["files"]}
        for member, checksum in expected.items():
            handle = tar.extractfile(member)
            if handle is None or sha256_of(handle.read()) != checksum:
                raise BackupError(f"{member} is missing or damaged in the archive")
    return manifest


def _database_is_empty() -> bool:
    return not any(name != "sqlite_sequence" for name in connection.introspection.table_names())


def restore(archive: Path) -> dict[str, Any]:
    """Bring an archive back into this empty database and empty storage; returns what was restored. The restored
    tables are checked against the manifest: a difference is a BackupError."""
    with backup_storage.opened(archive) as plain:
        return _restore_plain(plain)


def _restore_plain(archive: Path) -> dict[str, Any]:
    manifest = _verify_plain(archive)
    if manifest["vendor"] != connection.vendor:
        raise BackupError(f"this backup is of a {manifest['vendor']} database; this one is {connection.vendor}")
    if not _database_is_empty():
        raise BackupError("the database is not empty: restore into a new, empty database")
    for alias in STORAGES:
        if next(stored_files(alias), None) is not None:
            raise BackupError(f"the {alias} storage is not empty: restore into empty storage")
    with tempfile.TemporaryDirectory() as scratch, tarfile.open(archive) as tar:
        dump = Path(scratch) / manifest["database"]["file"]
        with open(dump, "wb") as out:
            shutil.copyfileobj(tar.extractfile(manifest["database"]["file"]), out)  # type: ignore[arg-type]
        _load_database(dump)
        for member in manifest["files"]:
            _prefix, alias, name = member.split("/", 2)
            saved = storages[alias].save(name, ContentFile(tar.extractfile(member).read()))  # type: ignore[union-attr]
            if saved != name:
                raise BackupError(f"{name} was stored as {saved}")
    restored = table_checksums()
    different = sorted(table for table, facts in manifest["tables"].items() if restored.get(table) != facts)
    if different:
        raise BackupError(f"restored rows differ from the backup in: {', '.join(different)}")
    return {"tables": len(restored), "rows": sum(t["rows"] for t in restored.values()), "files": len(manifest["files"])}


def _load_database(dump: Path) -> None:
    if connection.vendor == "postgresql":
        args, env = _pg_env(connection.settings_dict)
        done = subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                *args,
                "--dbname",
                connection.settings_dict["NAME"],
                str(dump),
            ],
            env=env,
            check=False,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise BackupError(f"pg_restore failed: {done.stderr.strip()}")
        return
    connections.close_all()
    source = sqlite3.connect(dump)
    target = sqlite3.connect(connection.settings_dict["NAME"])
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
