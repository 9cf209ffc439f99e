"""Archives an auditor would accept: encrypted with age (nothing of the portal readable without the identity, and
the `age` command opens them too), copied into a bucket of their own, and restored from there into a fresh
database and fresh storage with identical rows and files."""

import io
import os
import shutil
import subprocess
import tarfile

import pyrage
import pytest
from django.core.management import call_command

from core import backup, backup_storage
from tests.core.test_backup import demo, files_under, restore_elsewhere  # noqa: F401  (demo: a fixture)
from tests.stack.processes import S3Server

pytestmark = pytest.mark.django_db(transaction=True)

BACKUP_BUCKET = "portal-backups"


@pytest.fixture
def age_key(tmp_path, settings):
    identity = pyrage.x25519.Identity.generate()
    key_file = tmp_path / "backup-key.txt"
    key_file.write_text(f"# created by the test\n# public key: {identity.to_public()}\n{identity}\n")
    settings.BACKUP_AGE_RECIPIENTS = [str(identity.to_public())]
    settings.BACKUP_AGE_IDENTITY = str(key_file)
    return key_file


@pytest.fixture
def s3(tmp_path, settings):
    if not S3Server.binary().exists():
        pytest.skip("needs moto_server (requirements-dev.txt)")
    server = S3Server(tmp_path).start()
    server.client().create_bucket(Bucket=BACKUP_BUCKET)
    for key, value in server.env().items():
        if key.startswith("AWS_"):
            os.environ[key] = value  # boto3 reads the credentials from the environment
    settings.BACKUP_BUCKET = BACKUP_BUCKET
    settings.STORAGES = {
        **settings.STORAGES,
        "backups": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": BACKUP_BUCKET, "endpoint_url": server.url, "region_name": "us-east-1"},
        },
    }
    yield server
    server.stop()
    for key in server.env():
        if key.startswith("AWS_"):
            os.environ.pop(key, None)


def test_an_encrypted_archive_shows_nothing_without_its_key(age_key, tmp_path):
    archive = backup.create(tmp_path / "backup.tar.age")
    content = archive.read_bytes()

    assert content.startswith(b"age-encryption.org/v1")
    assert not tarfile.is_tarfile(archive)
    assert b"manifest.json" not in content and "南宁".encode() not in content
    assert backup.verify(archive)["vendor"]  # opened with BACKUP_AGE_IDENTITY


def test_the_age_command_opens_it_too(age_key, tmp_path):
    if not shutil.which("age"):
        pytest.skip("needs the age command (Debian package age)")
    archive = backup.create(tmp_path / "backup.tar.age")
    plain = tmp_path / "plain.tar"
    subprocess.run(["age", "--decrypt", "-i", str(age_key), "-o", str(plain), str(archive)], check=True)
    with tarfile.open(plain) as tar:
        assert "manifest.json" in tar.getnames()


def test_without_the_key_or_with_another_the_restore_says_so(age_key, tmp_path, settings):
    archive = backup.create(tmp_path / "backup.tar.age")
    settings.BACKUP_AGE_IDENTITY = ""
    with pytest.raises(backup.BackupError, match="set BACKUP_AGE_IDENTITY"):
        backup.verify(archive)
    other = tmp_path / "other-key.txt"
    other.write_text(f"{pyrage.x25519.Identity.generate()}\n")
    settings.BACKUP_AGE_IDENTITY = str(other)
    with pytest.raises(backup.BackupError, match="cannot be decrypted"):
        backup.verify(archive)


def test_a_recipient_that_is_not_an_age_key_is_refused_and_nothing_is_written(settings, tmp_path):
    settings.BACKUP_AGE_RECIPIENTS = ["ssh-rsa not-an-age-key"]
    with pytest.raises(backup.BackupError, match="not an age public key"):
        backup.create(tmp_path / "out" / "backup.tar.age")
    assert not (tmp_path / "out").exists()


def test_the_backup_goes_to_its_bucket_and_restores_from_there(age_key, s3, settings, tmp_path, fresh_database):
    out = io.StringIO()
    call_command("backup", "--output", str(tmp_path / "portal-test.tar.age"), stdout=out)
    rows = backup.table_checksums()
    media, documents = files_under(settings.MEDIA_ROOT), files_under(tmp_path / "private")
    assert f"Copied to s3://{BACKUP_BUCKET}/portal-test.tar.age" in out.getvalue()
    assert "encrypted with age" in out.getvalue()
    stored = s3.client().get_object(Bucket=BACKUP_BUCKET, Key="portal-test.tar.age")["Body"].read()
    assert stored == (tmp_path / "portal-test.tar.age").read_bytes()
    (tmp_path / "portal-test.tar.age").unlink()  # the machine is lost: only the bucket is left

    s3_settings = {key: value for key, value in s3.env().items() if key.startswith(("AWS_", "S3_"))}
    printed, restored = restore_elsewhere(
        tmp_path,
        fresh_database,
        f"s3://{BACKUP_BUCKET}/portal-test.tar.age",
        BACKUP_BUCKET=BACKUP_BUCKET,
        BACKUP_AGE_IDENTITY=str(age_key),
        **s3_settings,
    )

    assert "every table matches the backup" in printed
    assert restored == rows
    assert files_under(tmp_path / "media2") == media
    assert files_under(tmp_path / "private2") == documents


def test_an_archive_outside_the_backup_bucket_is_refused(settings):
    settings.BACKUP_BUCKET = ""
    with pytest.raises(backup.BackupError, match="BACKUP_BUCKET"), backup_storage.local("s3://elsewhere/x.tar"):
        pass
