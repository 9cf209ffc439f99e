"""Backups an auditor would accept, for the database: WAL archived continuously by pgBackRest (the shipped
deploy/pgbackrest/ files) into an encrypted repository in an S3-compatible bucket (moto's server behind a TLS proxy),
without forcing a switch (archive_timeout closes each segment); then the server is lost, and a restore to a moment
between two registrations finds the first and not the second."""

import json
import time

import pytest
from django.conf import settings

from tests.events.conftest import delegates
from tests.events.test_pages import form_data
from tests.stack.conftest import ROOT, Stack
from tests.stack.pgbackrest import BUCKET, CIPHER_PASS, PgBackRest, TlsProxy
from tests.stack.postgres import OwnPostgres
from tests.stack.processes import S3Server
from tests.stack.test_database_outage import active_delegations_by_city

pytestmark = [pytest.mark.postgres, pytest.mark.stack]

NO_REDIS = {"REDIS_URL": "", "EMAIL_URL": "consolemail://"}
ARCHIVE_TIMEOUT = 5  # the shipped 60 s, shortened so that the test waits seconds


@pytest.fixture
def repository(tmp_path):
    if not PgBackRest.available() or not S3Server.binary().exists():
        pytest.skip("needs pgbackrest (Debian package) and moto_server (requirements-dev.txt)")
    s3 = S3Server(tmp_path).start()
    s3.client().create_bucket(Bucket=BUCKET)
    proxy = TlsProxy(tmp_path, s3.port).start()
    yield s3, proxy
    proxy.stop()
    s3.stop()


@pytest.fixture
def clusters():
    made = []
    yield lambda **options: made.append(OwnPostgres(**options)) or made[-1]
    for cluster in made:
        cluster.remove()


def test_a_restore_to_a_moment_between_two_registrations_finds_the_first_only(repository, clusters, tmp_path):
    s3, proxy = repository
    primary = clusters()
    backrest = PgBackRest(primary, proxy)
    backrest.archive_into_repository(primary, archive_timeout=ARCHIVE_TIMEOUT)
    primary.create_database()
    stack = Stack(tmp_path, primary.url, secret_key=settings.SECRET_KEY)
    stack.manage("migrate", "--noinput", **NO_REDIS)
    seed = open(ROOT / "tests/stack/seed_burst.py").read()
    seeded = json.loads(stack.manage("shell", "-c", seed, BURST_CITIES=2, **NO_REDIS).strip().splitlines()[-1])
    first, second = list(seeded["sessions"])
    backrest.run("stanza-create")
    backrest.run("--type=full", "backup")

    stack.web(**NO_REDIS)
    try:
        url = f"/portal/events/{seeded['event']}/delegation/"
        assert stack.request("POST", url, form_data(delegates(1)), session=seeded["sessions"][first])[0] == 302
        between = primary.sql("SELECT now()")
        time.sleep(1)
        assert stack.request("POST", url, form_data(delegates(1)), session=seeded["sessions"][second])[0] == 302
        waited = backrest.wait_until_archived(timeout=ARCHIVE_TIMEOUT * 4)
    finally:
        stack.stop_all()
    print(f"the last registration's WAL was in the repository {waited:.1f} s later, unforced")
    primary.stop()  # the server is lost: only the bucket is left

    stored = [item["Key"] for item in s3.client().list_objects_v2(Bucket=BUCKET)["Contents"]]
    info = next(key for key in stored if key.endswith("backup/portal/backup.info"))
    assert b"backup-current" not in s3.client().get_object(Bucket=BUCKET, Key=info)["Body"].read()  # encrypted
    assert CIPHER_PASS not in open(ROOT / "deploy/pgbackrest/pgbackrest.conf").read()

    restored = clusters(initdb=False)
    backrest.run(
        f"--pg1-path={restored.data}", "--type=time", f"--target={between}", "--target-action=promote", "restore"
    )
    restored.start(env={**backrest.env, "PGBACKREST_PG1_PATH": str(restored.data)})
    for _ in range(100):
        if restored.sql("SELECT pg_is_in_recovery()") == "f":
            break
        time.sleep(0.1)
    assert restored.sql("SELECT pg_is_in_recovery()") == "f", restored.log()[-3000:]

    stack.database_url = restored.url
    assert active_delegations_by_city(stack) == [int(first)]
