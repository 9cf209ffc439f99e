"""The portal's real surroundings as processes: Redis, a local SMTP server, gunicorn, Celery, nginx with the shipped
configuration and an S3-compatible server (moto), each started in a process group of its own and stopped by its
PID. The stack tests use them, and so does `make bench-http` (tools/bench_http.py)."""

import email
import http.client
import json
import os
import pathlib
import shutil
import signal
import socket
import ssl
import string
import subprocess
import sys
import time
import urllib.parse

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

    def __init__(self, name, command, env, log_dir, cwd=ROOT):
        self.name, self.command, self.env, self.cwd = name, command, env, cwd
        self.log = pathlib.Path(log_dir) / f"{name}.log"
        self.popen = None

    def start(self):
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as log:
            self.popen = subprocess.Popen(
                self.command, env=self.env, cwd=self.cwd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
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
        self.process = Process(
            "redis",
            [
                shutil.which("redis-server"),
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            os.environ.copy(),
            log_dir,
        )

    def start(self):
        self.process = Process(self.process.name, self.process.command, self.process.env, self.process.log.parent)
        self.process.start()
        wait_for(lambda: accepts(self.port), 10, "redis-server did not start")

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
        self.process = Process(
            "smtp",
            [
                sys.executable,
                str(ROOT / "tests/stack/smtp_sink.py"),
                str(self.port),
                str(self.folder),
                str(seconds_per_message),
            ],
            os.environ.copy(),
            self.log_dir,
        )
        self.process.start()
        wait_for(lambda: accepts(self.port), 10, "the SMTP server did not start")

    def stop(self):
        if self.process:
            self.process.stop()

    def message_ids(self):
        """The Message-ID of every message received, once per copy."""
        if not self.folder.exists():
            return []
        return [email.message_from_bytes(path.read_bytes())["Message-ID"] for path in self.folder.glob("*.eml")]

    def messages(self):
        return (
            [email.message_from_bytes(path.read_bytes()) for path in self.folder.glob("*.eml")]
            if self.folder.exists()
            else []
        )


def accepts(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


class Stack:
    """The portal's processes around one test database, with its own Redis and SMTP server."""

    def __init__(self, tmp_path, database_url, secret_key):
        self.tmp = tmp_path
        self.secret_key = secret_key
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
            "SECRET_KEY": self.secret_key,  # sessions made by the test process stay valid
            "DEBUG": "false",
            "SECURE_COOKIES": "false",
            "SECURE_SSL_REDIRECT": "false",  # the tests speak plain HTTP to gunicorn; nginx has its own redirect
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
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env(**env),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def start(self, name, command, **env):
        process = Process(name, command, self.env(**env), self.tmp).start()
        self.processes.append(process)
        return process

    def worker(self, name="worker", concurrency=2, **env):
        return self.start(
            name,
            [
                str(BIN / "celery"),
                "-A",
                "config",
                "worker",
                "--loglevel",
                "INFO",
                "--concurrency",
                str(concurrency),
                "--hostname",
                f"{name}@%h",
                "--without-gossip",
                "--without-mingle",
            ],
            **env,
        )

    def beat(self, **env):
        return self.start(
            "beat",
            [
                str(BIN / "celery"),
                "-A",
                "config",
                "beat",
                "--loglevel",
                "INFO",
                "--schedule",
                str(self.tmp / "celerybeat-schedule"),
            ],
            **env,
        )

    def web(self, name="web", workers=2, **env):
        """A gunicorn with the shipped configuration on a free port (the process's `port`); the first is `web_port`."""
        port = free_port()
        process = self.start(
            name,
            [
                str(BIN / "gunicorn"),
                "-c",
                str(ROOT / "deploy/gunicorn.conf.py"),
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--timeout",
                "60",
            ],
            **env,
        )
        process.port = port
        wait_for(lambda: accepts(port), 30, f"gunicorn did not start:\n{process.output()}")
        self.web_port = self.web_port or port
        return process

    def request(self, method, path, data=None, session=None, timeout=30, port=None, files=None, tls=None):
        """One HTTP request, to the first web process unless another `port` is given (over TLS with the `tls`
        context, as to nginx): (status, headers, body). Redirects are not followed; `files` makes it multipart."""
        return http_request(
            method, path, port or self.web_port, data=data, session=session, timeout=timeout, files=files, tls=tls
        )

    def stop_all(self):
        for process in reversed(self.processes):
            process.stop()
        self.smtp.stop()
        self.redis.stop()

    def logs(self):
        return "\n".join(f"--- {p.name}\n{p.output()[-3000:]}" for p in self.processes)


def http_request(method, path, port, data=None, session=None, timeout=30, files=None, tls=None, headers=None):
    """One request as a browser with a CSRF cookie (and a session) would make it: (status, headers, body)."""
    scheme = "https" if tls else "http"
    cookies = {"csrftoken": CSRF, **({"sessionid": session} if session else {})}
    sent = {
        "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
        "Host": f"127.0.0.1:{port}",
        "Referer": f"{scheme}://127.0.0.1:{port}/",
        **(headers or {}),
    }
    body = None
    if files:
        from urllib3.filepost import encode_multipart_formdata

        fields = [
            *((name, str(value)) for name, value in (data or {}).items()),
            ("csrfmiddlewaretoken", CSRF),
            *files.items(),
        ]
        body, sent["Content-Type"] = encode_multipart_formdata(fields)
    elif data is not None:
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": CSRF}, doseq=True)
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    if tls:
        conn = http.client.HTTPSConnection("127.0.0.1", port, timeout=timeout, context=tls)
    else:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=sent)
        response = conn.getresponse()
        received = dict(response.getheaders())
        received["Set-Cookie"] = ", ".join(response.msg.get_all("Set-Cookie") or [])
        return response.status, received, response.read().decode(errors="replace")
    finally:
        conn.close()


class Nginx:
    """nginx with the shipped deploy/nginx.conf in front of `upstreams` (ports), everything it writes (pid, logs,
    temporary files, the micro-cache, a self-signed certificate) under a folder of its own."""

    def __init__(self, folder, upstreams, static_root, media_root):
        self.dir = pathlib.Path(folder) / "nginx"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.http_port, self.https_port = free_port(), free_port()
        self.certificate, self.key = self.dir / "cert.pem", self.dir / "key.pem"
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout",
                str(self.key),
                "-out",
                str(self.certificate),
            ],
            check=True,
            capture_output=True,
        )
        self.tls = ssl.create_default_context(cafile=str(self.certificate))
        values = {
            "PORTAL_SERVER_NAME": "127.0.0.1 localhost",
            "PORTAL_PUBLIC_ORIGIN": f"https://127.0.0.1:{self.https_port}",
            "PORTAL_HTTP_PORT": f"127.0.0.1:{self.http_port}",
            "PORTAL_HTTPS_PORT": f"127.0.0.1:{self.https_port}",
            "PORTAL_TLS_CERTIFICATE": str(self.certificate),
            "PORTAL_TLS_KEY": str(self.key),
            "PORTAL_UPSTREAM_SERVERS": " ".join(f"server 127.0.0.1:{port};" for port in upstreams),
            "PORTAL_STATIC_ROOT": str(static_root),
            "PORTAL_MEDIA_ROOT": str(media_root),
            "PORTAL_CACHE_DIR": str(self.dir / "cache"),
        }
        self.values = values
        self._write_portal_config()
        self.process = None

    def _write_portal_config(self):
        # As envsubst with the PORTAL_ names only: nginx's own $variables are left alone.
        portal = string.Template((ROOT / "deploy/nginx.conf").read_text()).safe_substitute(self.values)
        (self.dir / "portal.conf").write_text(portal)

    def set_upstreams(self, ports, down=()):
        """Point nginx at `ports`, those in `down` out of rotation (draining), and reload it gracefully: requests
        under way finish as they were."""
        servers = (f"server 127.0.0.1:{port}{' down' if port in down else ''};" for port in ports)
        self.values["PORTAL_UPSTREAM_SERVERS"] = " ".join(servers)
        self._write_portal_config()
        subprocess.run(self.command("-s", "reload"), check=True, capture_output=True)

    @staticmethod
    def binary():
        return shutil.which("nginx") or "/usr/sbin/nginx"

    @classmethod
    def available(cls):
        return os.path.exists(cls.binary())

    def command(self, *args):
        return [
            self.binary(),
            "-p",
            str(self.dir),
            "-e",
            str(self.dir / "error.log"),
            "-c",
            str(self.dir / "nginx.conf"),
            *args,
        ]

    def write_main_config(self, extra_http="", access_log=True):
        """nginx.conf around the shipped file; `extra_http` may add servers (the benchmark's static copy)."""
        temporary = "\n".join(
            f"    {kind}_temp_path {self.dir / 'tmp' / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        # Run as root (as here), nginx's workers would be "nobody", who may not read the test's private folders.
        user = "user root;" if os.geteuid() == 0 else ""
        (self.dir / "nginx.conf").write_text(f"""daemon off;
{user}
worker_processes 1;
pid {self.dir / "nginx.pid"};
error_log {self.dir / "error.log"} warn;
worker_rlimit_nofile 16384;
events {{ worker_connections 8192; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {self.dir / "access.log" if access_log else "off"};
    sendfile on;
    keepalive_timeout 65;
{temporary}
    include {self.dir / "portal.conf"};
{extra_http}
}}
""")

    def start(self, extra_http="", access_log=True):
        self.write_main_config(extra_http, access_log)
        (self.dir / "tmp").mkdir(exist_ok=True)
        checked = subprocess.run(self.command("-t"), capture_output=True, text=True, check=False)
        assert checked.returncode == 0, checked.stderr
        self.process = Process("nginx", self.command(), os.environ.copy(), self.dir).start()
        wait_for(lambda: accepts(self.https_port), 10, f"nginx did not start:\n{self.process.output()}")
        return self

    def stop(self):
        if self.process:
            self.process.stop()

    def request(self, method, path, **kwargs):
        return http_request(method, path, self.https_port, tls=self.tls, **kwargs)


class S3Server:
    """moto's S3-compatible server on a free port, with a public bucket for media and a private one for documents."""

    MEDIA_BUCKET, DOCUMENTS_BUCKET = "portal-media", "portal-documents"

    @staticmethod
    def binary():
        return BIN / "moto_server"

    def __init__(self, log_dir):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = Process(
            "s3",
            [str(self.binary()), "-H", "127.0.0.1", "-p", str(self.port)],
            {**os.environ, "MOTO_ALLOW_NONEXISTENT_REGION": "true"},
            log_dir,
        )

    def start(self):
        self.process.start()
        wait_for(lambda: accepts(self.port), 20, f"moto_server did not start:\n{self.process.output()}")
        client = self.client()
        for bucket in (self.MEDIA_BUCKET, self.DOCUMENTS_BUCKET):
            client.create_bucket(Bucket=bucket)
        # What the README asks of an operator: anyone may read the media bucket; the documents bucket stays private.
        client.put_bucket_policy(
            Bucket=self.MEDIA_BUCKET,
            Policy=json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Principal": "*",
                            "Action": "s3:GetObject",
                            "Resource": f"arn:aws:s3:::{self.MEDIA_BUCKET}/*",
                        }
                    ],
                }
            ),
        )
        return self

    def client(self):
        import boto3

        return boto3.client(
            "s3", endpoint_url=self.url, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test"
        )

    def env(self):
        """The portal's settings for this server (config/settings/base.py)."""
        return {
            "MEDIA_BUCKET": self.MEDIA_BUCKET,
            "DOCUMENTS_BUCKET": self.DOCUMENTS_BUCKET,
            "S3_ENDPOINT_URL": self.url,
            "MEDIA_PUBLIC_URL": f"{self.url}/{self.MEDIA_BUCKET}",
            "AWS_ACCESS_KEY_ID": "test",
            "AWS_SECRET_ACCESS_KEY": "test",
            "AWS_DEFAULT_REGION": "us-east-1",
        }

    def keys(self, bucket):
        listing = self.client().list_objects_v2(Bucket=bucket)
        return [item["Key"] for item in listing.get("Contents", [])]

    def stop(self):
        self.process.stop()
