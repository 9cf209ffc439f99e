"""PostgreSQL clusters of a test's own, on free ports, so the test may stop, copy or promote them: never the
machine's shared one."""

import os
import pathlib
import shutil
import subprocess
import tempfile

import pytest

from tests.ports import free_port

REPLICA_NAME = "portal_replica"  # the standby's application_name, which the primary waits for


class OwnPostgres:
    def __init__(self, initdb=True):
        versions = sorted(pathlib.Path("/usr/lib/postgresql").glob("*/bin/initdb"))
        if not versions:
            pytest.skip("needs PostgreSQL's server binaries (initdb, pg_ctl)")
        self.bin = versions[-1].parent
        self.port = free_port()
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="portal-pg-"))
        self.data = self.dir / "data"
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/portal"
        self.as_postgres = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            shutil.chown(self.dir, "postgres", "postgres")
            self.as_postgres = ["runuser", "-u", "postgres", "--"]
        self.settings = {"listen_addresses": "127.0.0.1", "fsync": "off", "full_page_writes": "off"}
        if initdb:
            self.run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8")

    def run(self, program, *args, env=None):
        """One of PostgreSQL's programs, as the cluster's owner; its output."""
        done = subprocess.run(
            [*self.as_postgres, str(self.bin / program) if (self.bin / program).exists() else program, *args],
            check=False,
            capture_output=True,
            text=True,
            cwd="/",
            env={**os.environ, **(env or {})},
        )
        if done.returncode:
            raise subprocess.CalledProcessError(done.returncode, program, done.stdout, done.stderr)
        return done.stdout

    def start(self, env=None, **settings):
        """Started with the test's settings (fsync off) and these, the server's environment holding `env`."""
        self.settings.update(settings)
        options = f"-p {self.port} -k {self.dir} " + " ".join(
            f"-c {key}={value}" for key, value in self.settings.items()
        )
        self.run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.dir / "log"), "-w", "start", env=env)

    def stop(self):
        """As a crash would: immediate shutdown, open connections cut."""
        self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def sql(self, statement, database="portal"):
        return subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", database, "-tAc", statement],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()

    def create_database(self):
        self.sql("CREATE DATABASE portal", database="postgres")

    def streaming_replica(self):
        """A hot standby of this cluster (pg_basebackup), started; this cluster then confirms each commit only once
        the standby has it on disk, so a promoted standby has everything that was accepted."""
        standby = OwnPostgres(initdb=False)
        self.run(
            "pg_basebackup",
            "--dbname",
            f"host=127.0.0.1 port={self.port} user=postgres application_name={REPLICA_NAME}",
            "--pgdata",
            str(standby.data),
            "--write-recovery-conf",
            "--wal-method=stream",
            "--checkpoint=fast",
        )
        standby.start(hot_standby="on")
        self.sql(f"ALTER SYSTEM SET synchronous_standby_names = '{REPLICA_NAME}'")
        self.sql("SELECT pg_reload_conf()")
        return standby

    def log(self):
        path = self.dir / "log"
        return path.read_text(errors="replace") if path.exists() else ""

    def remove(self):
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass  # already stopped
        shutil.rmtree(self.dir, ignore_errors=True)
