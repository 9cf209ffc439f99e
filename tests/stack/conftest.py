"""The real surroundings of the portal, started and stopped by the tests themselves (tests/stack/processes.py): a
Redis server of their own, a local SMTP server (aiosmtpd), gunicorn, Celery workers and beat, nginx with the shipped
configuration, an S3-compatible server, each a process stopped by its PID. They share the test database, so these
tests need PostgreSQL (SQLite's test database lives in the test process's memory)."""

import shutil

import pytest
from django.conf import settings
from django.db import connection

from tests.stack.postgres import OwnPostgres
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
