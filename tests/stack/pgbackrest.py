"""pgBackRest with the shipped configuration (deploy/pgbackrest/), pointed by environment variables at moto's S3
server behind a TLS proxy of the test's own (pgBackRest speaks to S3 over HTTPS only)."""

import shutil
import subprocess
import time

from tests.ports import free_port
from tests.stack.processes import ROOT, Nginx, Process, accepts, wait_for

SHIPPED = ROOT / "deploy/pgbackrest"
BUCKET = "portal-pgbackrest"
CIPHER_PASS = "test-passphrase-kept-in-the-safe"


class TlsProxy:
    """nginx terminating TLS (a self-signed certificate) in front of a plain-HTTP port."""

    def __init__(self, folder, upstream_port):
        self.folder = folder / "tls-proxy"
        self.folder.mkdir()
        self.port = free_port()
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
             "-keyout", str(self.folder / "key.pem"), "-out", str(self.folder / "cert.pem")],
            check=True,
            capture_output=True,
        )  # fmt: skip
        temp = " ".join(f"{kind}_temp_path {self.folder / kind};" for kind in ("client_body", "proxy", "fastcgi"))
        (self.folder / "nginx.conf").write_text(
            f"""daemon off; worker_processes 1; pid {self.folder / "nginx.pid"};
error_log {self.folder / "error.log"} warn;
events {{ worker_connections 256; }}
http {{
  access_log off; {temp} uwsgi_temp_path {self.folder / "uwsgi"}; scgi_temp_path {self.folder / "scgi"};
  server {{
    listen 127.0.0.1:{self.port} ssl;
    ssl_certificate {self.folder / "cert.pem"}; ssl_certificate_key {self.folder / "key.pem"};
    client_max_body_size 0;
    location / {{
      proxy_pass http://127.0.0.1:{upstream_port}; proxy_http_version 1.1; proxy_set_header Host $http_host;
      proxy_request_buffering off; proxy_buffering off;
    }}
  }}
}}
"""
        )
        self.process = Process(
            "tls-proxy",
            [str(Nginx.binary()), "-p", str(self.folder), "-c", str(self.folder / "nginx.conf")],
            {},
            folder,
        )

    def start(self):
        self.process.start()
        wait_for(lambda: accepts(self.port), 10, f"the TLS proxy did not start:\n{self.process.output()}")
        return self

    def stop(self):
        self.process.stop()


class PgBackRest:
    """The stanza "portal" of a cluster (tests/stack/postgres.py), its repository in a bucket behind `proxy`."""

    def __init__(self, cluster, proxy):
        self.cluster = cluster
        self.folder = cluster.dir / "pgbackrest"  # where the cluster's owner may write
        for sub in ("log", "lock", "spool"):
            (self.folder / sub).mkdir(parents=True)
        shutil.copy(SHIPPED / "pgbackrest.conf", self.folder / "pgbackrest.conf")
        if cluster.as_postgres:  # pgBackRest runs as the cluster's owner
            for path in [self.folder, *self.folder.rglob("*")]:
                shutil.chown(path, "postgres", "postgres")
        # The shipped file's values, but for the test's bucket, ports and folders.
        self.env = {
            "PGBACKREST_CONFIG": str(self.folder / "pgbackrest.conf"),
            "PGBACKREST_REPO1_S3_ENDPOINT": "127.0.0.1",
            "PGBACKREST_REPO1_STORAGE_PORT": str(proxy.port),
            "PGBACKREST_REPO1_STORAGE_VERIFY_TLS": "n",
            "PGBACKREST_REPO1_S3_REGION": "us-east-1",
            "PGBACKREST_REPO1_S3_BUCKET": BUCKET,
            "PGBACKREST_REPO1_S3_KEY": "test",
            "PGBACKREST_REPO1_S3_KEY_SECRET": "test",
            "PGBACKREST_REPO1_CIPHER_PASS": CIPHER_PASS,
            "PGBACKREST_PG1_PORT": str(cluster.port),
            "PGBACKREST_PG1_SOCKET_PATH": str(cluster.dir),
            "PGBACKREST_PG1_PATH": str(cluster.data),
            "PGBACKREST_LOG_PATH": str(self.folder / "log"),
            "PGBACKREST_LOCK_PATH": str(self.folder / "lock"),
            "PGBACKREST_SPOOL_PATH": str(self.folder / "spool"),
        }

    @staticmethod
    def available():
        return shutil.which("pgbackrest") is not None

    def archive_into_repository(self, cluster, **settings):
        """Start `cluster` with the shipped archiving.conf included, archive_command reaching this repository."""
        shutil.copy(SHIPPED / "archiving.conf", cluster.data / "archiving.conf")
        with open(cluster.data / "postgresql.conf", "a") as conf:
            conf.write("\ninclude 'archiving.conf'\n")
        cluster.start(env={**self.env, "PGBACKREST_PG1_PATH": str(cluster.data)}, **settings)

    def run(self, *args, **env):
        return self.cluster.run("pgbackrest", "--stanza=portal", *args, env={**self.env, **env})

    def wait_until_archived(self, timeout):
        """Until the WAL segment holding everything committed so far is in the repository, without forcing a switch:
        archive_timeout alone closes it. Seconds it took."""
        started = time.monotonic()
        segment = self.cluster.sql("SELECT pg_walfile_name(pg_current_wal_lsn())")
        wait_for(
            lambda: (self.cluster.sql("SELECT last_archived_wal FROM pg_stat_archiver") or "") >= segment,
            timeout,
            f"{segment} was not archived within {timeout} s:\n{self.cluster.log()[-3000:]}",
            interval=0.5,
        )
        return time.monotonic() - started
