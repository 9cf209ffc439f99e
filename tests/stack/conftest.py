"""The real surroundings of the portal, started and stopped by the tests themselves (tests/stack/processes.py): a
Redis server of their own, a local SMTP server (aiosmtpd), gunicorn, Celery workers and beat, nginx with the shipped
configuration, an S3-compatible server, each a process stopped by its PID. They share the test database, so these
tests need PostgreSQL (SQLite's test database lives in the test process's memory)."""

import os
import pathlib
import shutil
import subprocess
import tempfile

import pytest
from django.conf import settings
from django.db import connection

from tests.ports import free_port
from tests.stack.processes import ROOT, Stack, wait_for  # noqa: F401  (the tests import them from here)


@pytest.fixture
def stack(transactional_db, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: the processes share the test database, and SKIP LOCKED is PostgreSQL's")
    if not shutil.which("redis-server"):
        pytest.skip("needs redis-server (Debian package redis-server)")
    settings_dict = connection.settings_dict
    url = (
        f"postgres://{settings_dict['USER']}@{settings_dict['HOST'] or '127.0.0.1'}:{settings_dict['PORT'] or 5432}"
        f"/{settings_dict['NAME']}"
    )
    stack = Stack(tmp_path, url, secret_key=settings.SECRET_KEY)
    yield stack
    stack.stop_all()
    connection.close()  # the processes' sessions are gone; the flush after the test starts from a fresh connection


def session_for(user):
    """A signed-in session for `user`, as the login view makes it: its cookie value."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


class OwnPostgres:
    """A PostgreSQL cluster of the test's own on a free port, so the test may stop it: never the shared one."""

    def __init__(self):
        versions = sorted(pathlib.Path("/usr/lib/postgresql").glob("*/bin/initdb"))
        if not versions:
            pytest.skip("needs PostgreSQL's server binaries (initdb, pg_ctl)")
        self.bin = versions[-1].parent
        self.port = free_port()
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="portal-pg-"))
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/portal"
        self.as_postgres = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            shutil.chown(self.dir, "postgres", "postgres")
            self.as_postgres = ["runuser", "-u", "postgres", "--"]
        self._run("initdb", "-D", str(self.dir / "data"), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8")

    def _run(self, program, *args):
        subprocess.run([*self.as_postgres, str(self.bin / program), *args], check=True, capture_output=True, cwd="/")

    def start(self):
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(self.dir / "data"), "-o", options, "-l", str(self.dir / "log"), "-w", "start")

    def stop(self):
        """As a crash would: immediate shutdown, open connections cut."""
        self._run("pg_ctl", "-D", str(self.dir / "data"), "-m", "immediate", "-w", "stop")

    def create_database(self):
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-c", "CREATE DATABASE portal"],
            check=True,
            capture_output=True,
        )

    def remove(self):
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass  # already stopped
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def own_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("run with the PostgreSQL suite")
    if not shutil.which("psql"):
        pytest.skip("needs psql")
    cluster = OwnPostgres()
    cluster.start()
    cluster.create_database()
    yield cluster
    cluster.remove()
