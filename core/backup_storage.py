"""Where backup archives go and how they are kept: encrypted with age for BACKUP_AGE_RECIPIENTS (pyrage, the same
format as the `age` command, so `age -d -i key.txt` opens one too), and copied into BACKUP_BUCKET, an
S3-compatible bucket of their own, from which a restore can read them back."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyrage
from django.conf import settings
from django.core.files import File
from django.core.files.storage import storages

ENCRYPTED_SUFFIX = ".age"
S3_PREFIX = "s3://"


class BackupError(Exception):
    pass


def encrypting() -> bool:
    return bool(settings.BACKUP_AGE_RECIPIENTS)


def recipients() -> list[pyrage.x25519.Recipient]:
    try:
        return [pyrage.x25519.Recipient.from_str(key.strip()) for key in settings.BACKUP_AGE_RECIPIENTS]
    except pyrage.RecipientError as error:
        raise BackupError(f"BACKUP_AGE_RECIPIENTS holds a key that is not an age public key (age1…): {error}") from None


def seal(plain: Path, target: Path) -> None:
    """Write `plain` to `target`, encrypted for every recipient in BACKUP_AGE_RECIPIENTS."""
    pyrage.encrypt_file(str(plain), str(target), recipients())


def _identities() -> list[pyrage.x25519.Identity]:
    if not settings.BACKUP_AGE_IDENTITY:
        raise BackupError("This archive is encrypted: set BACKUP_AGE_IDENTITY to the file of its age identity.")
    try:
        lines = Path(settings.BACKUP_AGE_IDENTITY).read_text().splitlines()
    except OSError as error:
        raise BackupError(f"BACKUP_AGE_IDENTITY cannot be read: {error}") from None
    keys = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    try:
        return [pyrage.x25519.Identity.from_str(key) for key in keys]
    except pyrage.IdentityError as error:
        raise BackupError(f"BACKUP_AGE_IDENTITY does not hold an age identity (AGE-SECRET-KEY-1…): {error}") from None


@contextmanager
def opened(archive: Path) -> Iterator[Path]:
    """The plain tar of an archive: itself, or decrypted into a scratch folder for as long as it is needed."""
    if not archive.name.endswith(ENCRYPTED_SUFFIX):
        yield archive
        return
    if not archive.is_file():
        raise FileNotFoundError(f"{archive}: no such archive")
    identities = _identities()
    with tempfile.TemporaryDirectory() as scratch:
        plain = Path(scratch) / archive.name.removesuffix(ENCRYPTED_SUFFIX)
        try:
            pyrage.decrypt_file(str(archive), str(plain), identities)
        except pyrage.DecryptError as error:
            raise BackupError(f"{archive.name} cannot be decrypted with BACKUP_AGE_IDENTITY: {error}") from None
        yield plain


def upload(archive: Path) -> str:
    """Copy a finished archive into BACKUP_BUCKET; its address (s3://bucket/name)."""
    with archive.open("rb") as handle:
        name = storages["backups"].save(archive.name, File(handle, name=archive.name))
    return f"{S3_PREFIX}{settings.BACKUP_BUCKET}/{name}"


@contextmanager
def local(location: str) -> Iterator[Path]:
    """An archive given as a path, or as s3://BACKUP_BUCKET/name (downloaded into a scratch folder meanwhile)."""
    if not location.startswith(S3_PREFIX):
        yield Path(location)
        return
    bucket, _, name = location.removeprefix(S3_PREFIX).partition("/")
    if not settings.BACKUP_BUCKET or bucket != settings.BACKUP_BUCKET:
        raise BackupError(f"{location}: archives are read from BACKUP_BUCKET ({settings.BACKUP_BUCKET or 'not set'})")
    storage = storages["backups"]
    if not name or not storage.exists(name):
        raise BackupError(f"{location}: no such archive in the bucket")
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / Path(name).name
        with storage.open(name, "rb") as source, copy.open("wb") as target:
            shutil.copyfileobj(source, target)
        yield copy
