"""The real surroundings of the portal, started and stopped by the tests themselves: a Redis server of their own,
a local SMTP server (aiosmtpd), gunicorn, Celery workers and beat, each a process stopped by its PID. They share
the test database, so these tests need PostgreSQL (SQLite's test database lives in the test process's memory)."""

import email
import http.client
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

import pytest
from django.conf import settings
from django.db import connection

from tests.ports import free_port

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = pathlib.Path(sys.executable).parent
CSRF = "s" * 32  # a CSRF secret the tests set as cookie and send back, as a browser would


def wait_for(condition, timeout, message, interval=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"{message} (waited {timeout} s)")


class Process:
    """A child process in its own process group, so stopping it stops its children too (Celery's pool)."""

    def __init__(self, name, command, env, log_dir):
        self.name, self.command, self.env = name, command, env
        self.log = pathlib.Path(log_dir) / f"{name}.log"
        self.popen = None

    def start(self):
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as log:
            self.popen = subprocess.Popen(self.command, env=self.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                          start_new_session=True)
        return self

    @property
    def pid(self):
        return self.popen.pid

    def running(self):
        return self.popen is not None and self.popen.poll() is None

    def stop(self, sig=signal.SIGTERM, timeout=15):
        if not self.running():
            return
        try:
            os.killpg(self.pid, sig)
            self.popen.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.pid, signal.SIGKILL)
            self.popen.wait(timeout=timeout)
        except ProcessLookupError:
            pass

    def kill(self):
        """SIGKILL, as the kernel's OOM killer or a pulled plug would: no cleanup of any kind."""
        self.stop(signal.SIGKILL)

    def output(self):
        return self.log.read_text(errors="replace") if self.log.exists() else ""


class RedisServer:
    def __init__(self, log_dir):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = Process("redis", [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1",
                                         "--save", "", "--appendonly", "no"], os.environ.copy(), log_dir)

    def start(self):
        self.process = Process(self.process.name, self.process.command, self.process.env, self.process.log.parent)
        self.process.start()
        wait_for(lambda: _accepts(self.port), 10, "redis-server did not start")

    def stop(self):
        self.process.stop()


class SmtpSink:
    """Every message the SMTP server accepted, as a file in `folder`."""

    def __init__(self, log_dir):
        self.port = free_port()
        self.folder = pathlib.Path(log_dir) / "smtp"
        self.log_dir = log_dir
        self.process = None

    def start(self, seconds_per_message=0.0):
        self.process = Process("smtp", [sys.executable, str(ROOT / "tests/stack/smtp_sink.py"), str(self.port),
                                        str(self.folder), str(seconds_per_message)], os.environ.copy(), self.log_dir)
        self.process.start()
        wait_for(lambda: _accepts(self.port), 10, "the SMTP server did not start")

    def stop(self):
        if self.process:
            self.process.stop()

    def message_ids(self):
        """The Message-ID of every message received, once per copy."""
        if not self.folder.exists():
            return []
        return [email.message_from_bytes(path.read_bytes())["Message-ID"] for path in self.folder.glob("*.eml")]

    def messages(self):
        return [email.message_from_bytes(path.read_bytes()) for path in self.folder.glob("*.eml")] if self.folder.exists() else []


def _accepts(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


class Stack:
    """The portal's processes around one test database, with its own Redis and SMTP server."""

    def __init__(self, tmp_path, database_url):
        self.tmp = tmp_path
        self.redis = RedisServer(tmp_path)
        self.smtp = SmtpSink(tmp_path)
        self.database_url = database_url
        self.processes = []
        self.web_port = None

    def env(self, **extra):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.stack.settings",
            "DATABASE_URL": self.database_url,
            "REDIS_URL": self.redis.url,
            "EMAIL_URL": f"smtp://127.0.0.1:{self.smtp.port}",
            "EMAIL_TIMEOUT": "5",
            "SECRET_KEY": settings.SECRET_KEY,  # sessions made by the test process stay valid
            "DEBUG": "false",
            "SECURE_COOKIES": "false",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "MEDIA_ROOT": str(self.tmp / "media"),
            "PRIVATE_MEDIA_ROOT": str(self.tmp / "private"),
            "OUTBOX_SWEEP_INTERVAL_SECONDS": "1",
            "OUTBOX_SWEEP_AFTER_SECONDS": "5",
            "OUTBOX_RETRY_BASE_SECONDS": "2",  # the backoff's shape, on a shorter clock
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        env.update({key: str(value) for key, value in extra.items()})
        return env

    def manage(self, *args, **env):
        """`manage.py` with the stack's settings and environment; its output."""
        result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env(**env), capture_output=True,
                                text=True, timeout=300)
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def start(self, name, command, **env):
        process = Process(name, command, self.env(**env), self.tmp).start()
        self.processes.append(process)
        return process

    def worker(self, name="worker", concurrency=2, **env):
        return self.start(name, [str(BIN / "celery"), "-A", "association", "worker", "--loglevel", "INFO",
                                 "--concurrency", str(concurrency), "--hostname", f"{name}@%h", "--without-gossip",
                                 "--without-mingle"], **env)

    def beat(self, **env):
        return self.start("beat", [str(BIN / "celery"), "-A", "association", "beat", "--loglevel", "INFO",
                                   "--schedule", str(self.tmp / "celerybeat-schedule")], **env)

    def web(self, **env):
        self.web_port = free_port()
        process = self.start("web", [str(BIN / "gunicorn"), "-c", str(ROOT / "deploy/gunicorn.conf.py"), "association.wsgi",
                                     "--bind", f"127.0.0.1:{self.web_port}", "--workers", "2", "--timeout", "60"], **env)
        wait_for(lambda: _accepts(self.web_port), 30, f"gunicorn did not start:\n{process.output()}")
        return process

    def request(self, method, path, data=None, session=None, timeout=30):
        """One HTTP request to the web process: (status, headers, body). Redirects are not followed."""
        cookies = {"csrftoken": CSRF, **({"sessionid": session} if session else {})}
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()), "Host": "127.0.0.1",
                   "Referer": f"http://127.0.0.1:{self.web_port}/"}
        body = None
        if data is not None:
            body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": CSRF}, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = http.client.HTTPConnection("127.0.0.1", self.web_port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            headers = dict(response.getheaders())
            headers["Set-Cookie"] = ", ".join(response.msg.get_all("Set-Cookie") or [])
            return response.status, headers, response.read().decode(errors="replace")
        finally:
            conn.close()

    def stop_all(self):
        for process in reversed(self.processes):
            process.stop()
        self.smtp.stop()
        self.redis.stop()

    def logs(self):
        return "\n".join(f"--- {p.name}\n{p.output()[-3000:]}" for p in self.processes)


@pytest.fixture
def stack(transactional_db, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: the processes share the test database, and SKIP LOCKED is PostgreSQL's")
    if not shutil.which("redis-server"):
        pytest.skip("needs redis-server (Debian package redis-server)")
    settings_dict = connection.settings_dict
    url = (f"postgres://{settings_dict['USER']}@{settings_dict['HOST'] or '127.0.0.1'}:{settings_dict['PORT'] or 5432}"
           f"/{settings_dict['NAME']}")
    stack = Stack(tmp_path, url)
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
        subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-c", "CREATE DATABASE portal"],
                       check=True, capture_output=True)

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
