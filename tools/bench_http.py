"""Requests per second over HTTP, four ways side by side: the portal rendering every page (page cache off), the
portal's page cache, nginx's micro-cache in front of it (the shipped deploy/nginx.conf, over TLS), and nginx
serving a saved copy of each page from disk (the ceiling).

Run with `make bench-http` (about eight minutes). It starts everything itself and stops it afterwards: a Redis
server, two gunicorns with two workers each on the demo content in PostgreSQL (BENCH_DATABASE_URL with the suffix
_http, made once and kept), nginx. The load generator is wrk where installed (Debian package wrk), otherwise a Python
one; each measurement is BENCH_SECONDS (3) with 4 connections, the four ways interleaved page by page over
BENCH_ROUNDS (3) rounds; the tables give medians over the rounds and the medians of the per-round ratios.

With BENCH_BASELINE=<git revision> (`BENCH_BASELINE=cfb3635 make bench-http`), a fifth way is that revision's code,
uncached, from a git worktree, on the same database (so a revision whose code reads today's schema), interleaved
with the others, and the ratios add "uncached / baseline".

Then tools/bench_nine.py: a thousand officers registering at nine o'clock.
"""

import http.client
import os
import re
import shutil
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from benchdb import create_database_if_missing  # noqa: E402

from tests.ports import free_port  # noqa: E402
from tests.stack.processes import BIN, Nginx, Process, RedisServer, accepts, wait_for  # noqa: E402

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench") + "_http"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "3"))
CONNECTIONS = 4
WAYS = ["uncached app", "app page cache", "nginx micro-cache", "nginx static copy"]
BASELINE = os.environ.get("BENCH_BASELINE", "")
if BASELINE:
    WAYS.append("baseline uncached")


def portal_env(tmp, redis_url, **extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": redis_url,
        "DEBUG": "false",
        "SECRET_KEY": "bench-http-not-secret",
        "SECURE_COOKIES": "false",
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATIC_ROOT": str(tmp / "static"),
        "EMAIL_URL": "consolemail://",
        "PYTHONDONTWRITEBYTECODE": "1",
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


def pages(env):
    """The pages measured, with ids and slugs from the demo content."""
    out = manage(
        env,
        "shell",
        "-c",
        "from news.models import Article; from events.models import Event; "
        "from members.models import MemberCity; a = Article.objects.published().order_by('-publish_at')[0]; "
        "e = Event.objects.published().order_by('-starts_at')[0]; c = MemberCity.objects.order_by('pk')[0]; "
        "print(a.pk, e.pk, c.slug)",
    )
    article, event, city = out.split()[-3:]
    return {
        "home": "/",
        "news list": "/news/",
        "article": f"/news/{article}/",
        "event": f"/events/{event}/",
        "directory": "/members/",
        "city": f"/members/{city}/",
        "search": "/search/?q=%E4%BC%9A%E8%AE%AE",
        "article zh-hant": f"/zh-hant/news/{article}/",
        "article en": f"/en/news/{article}/",
    }


def gunicorn(name, tmp, env, tree=ROOT):
    port = free_port()
    process = Process(
        name,
        [
            str(BIN / "gunicorn"),
            "-c",
            str(tree / "deploy/gunicorn.conf.py"),
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--access-logfile",
            "/dev/null",
        ],
        env,
        tmp,
        cwd=tree,
    ).start()
    process.port = port
    wait_for(lambda: accepts(port), 60, f"gunicorn did not start:\n{process.output()}")
    return process


def save_static_copy(folder, port, named_pages):
    """Each page as the portal sends it, saved under a file name of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    copies = {}
    for n, (name, path) in enumerate(named_pages.items()):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", path, headers={"Host": "127.0.0.1"})
        response = conn.getresponse()
        assert response.status == 200, (path, response.status)
        (folder / f"{n}.html").write_bytes(response.read())
        conn.close()
        copies[name] = f"/{n}.html"
    return copies


def static_copy_server(nginx, port, folder):
    """A server beside the shipped one, with the same TLS, serving the saved pages from disk."""
    return f"""
    server {{
        listen 127.0.0.1:{port} ssl http2;
        ssl_certificate {nginx.certificate};
        ssl_certificate_key {nginx.key};
        ssl_protocols TLSv1.2 TLSv1.3;
        root {folder};
        default_type text/html;
    }}"""


def wrk(url, seconds=SECONDS):
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    assert not non_2xx, f"{url}: {non_2xx.group(1)} answers were errors\n{out}"
    return rps, _latency(out, "50%"), _latency(out, "99%")


def _latency(out, percentile):
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)\b", out).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def python_load(url, seconds=SECONDS):
    """For machines without wrk: CONNECTIONS threads, each sending requests one after another for `seconds`."""
    scheme, rest = url.split("://")
    hostport, path = rest.split("/", 1)
    host, port = hostport.split(":")
    context = ssl._create_unverified_context()  # the benchmark's own self-signed certificate
    latencies, lock = [], threading.Lock()
    deadline = time.monotonic() + seconds

    def client():
        mine = []
        conn = None
        while time.monotonic() < deadline:
            if conn is None:
                conn = (
                    http.client.HTTPSConnection(host, int(port), context=context, timeout=30)
                    if scheme == "https"
                    else http.client.HTTPConnection(host, int(port), timeout=30)
                )
            start = time.perf_counter()
            conn.request("GET", "/" + path)
            response = conn.getresponse()
            response.read()
            assert response.status == 200, (url, response.status)
            mine.append((time.perf_counter() - start) * 1000)
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = None
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    return len(latencies) / seconds, latencies[len(latencies) // 2], latencies[int(len(latencies) * 0.99) - 1]


def main():
    load = wrk if shutil.which("wrk") else python_load
    if not Nginx.available():
        sys.exit("make bench-http needs nginx (apt-get install nginx)")
    tmp = Path(tempfile.mkdtemp(prefix="portal-bench-http-"))
    redis = RedisServer(tmp)
    started = []
    try:
        redis.start()
        env = portal_env(tmp, redis.url)
        fresh = create_database_if_missing(DATABASE_URL)
        manage(env, "migrate", "--noinput")
        if fresh:
            manage(env, "load_demo_data")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        named_pages = pages(env)
        uncached = gunicorn("uncached", tmp, {**env, "PAGE_CACHE_SECONDS": "0"})
        cached = gunicorn("cached", tmp, env)
        started += [uncached, cached]
        if BASELINE:
            tree = tmp / "baseline-tree"
            subprocess.run(["git", "worktree", "add", "--detach", str(tree), BASELINE], cwd=ROOT, check=True)
            baseline = gunicorn("baseline", tmp, {**env, "PAGE_CACHE_SECONDS": "0"}, tree=tree)
            started.append(baseline)
        copies = save_static_copy(tmp / "copy", uncached.port, named_pages)
        nginx = Nginx(tmp, [cached.port], static_root=tmp / "static", media_root=tmp / "media")
        copy_port = free_port()
        nginx.start(static_copy_server(nginx, copy_port, tmp / "copy"), access_log=False)
        started.append(nginx)
        urls = {
            name: {
                "uncached app": f"http://127.0.0.1:{uncached.port}{path}",
                "app page cache": f"http://127.0.0.1:{cached.port}{path}",
                "nginx micro-cache": f"https://127.0.0.1:{nginx.https_port}{path}",
                "nginx static copy": f"https://127.0.0.1:{copy_port}{copies[name]}",
                **({"baseline uncached": f"http://127.0.0.1:{baseline.port}{path}"} if BASELINE else {}),
            }
            for name, path in named_pages.items()
        }
        print(
            f"load: {load.__name__}, {CONNECTIONS} connections, {SECONDS} s a measurement, {ROUNDS} rounds; "
            f"gunicorn with 2 workers on PostgreSQL, Redis, nginx {nginx_version()}"
        )
        results = {name: {way: [] for way in WAYS} for name in named_pages}
        for _ in range(ROUNDS):
            for name in named_pages:
                for way in WAYS:
                    load(urls[name][way], seconds=1)  # warm: the caches hold the page, connections are open
                    results[name][way].append(load(urls[name][way]))
        report(results)
    finally:
        for process in reversed(started):
            process.stop()
        redis.stop()
        if BASELINE:
            subprocess.run(["git", "worktree", "remove", "--force", str(tmp / "baseline-tree")], cwd=ROOT, check=False)
        shutil.rmtree(tmp, ignore_errors=True)


def nginx_version():
    out = subprocess.run([Nginx.binary(), "-v"], capture_output=True, text=True, check=False).stderr
    return out.strip().rsplit("/", 1)[-1]


def report(results):
    print(f"\n{'requests/s (p50 / p99 ms)':22}" + "".join(f"{way:>24}" for way in WAYS))
    for name, ways in results.items():
        cells = []
        for way in WAYS:
            rps = statistics.median(r[0] for r in ways[way])
            p50 = statistics.median(r[1] for r in ways[way])
            p99 = statistics.median(r[2] for r in ways[way])
            cells.append(f"{rps:9.0f} ({p50:5.2f} / {p99:6.2f})")
        print(f"{name:22}" + "".join(f"{cell:>24}" for cell in cells))
    print(
        f"\n{'ratios (medians)':22}{'page cache / uncached':>24}"
        f"{'micro-cache / static':>24}{'micro-cache / uncached':>24}"
        + (f"{'uncached / baseline':>24}" if BASELINE else "")
    )
    for name, ways in results.items():

        def ratio(a, b, ways=ways):
            return statistics.median(x[0] / y[0] for x, y in zip(ways[a], ways[b], strict=True))

        print(
            f"{name:22}{ratio('app page cache', 'uncached app'):23.1f}x"
            f"{ratio('nginx micro-cache', 'nginx static copy'):23.2f}x"
            f"{ratio('nginx micro-cache', 'uncached app'):23.1f}x"
            + (f"{ratio('uncached app', 'baseline uncached'):23.2f}x" if BASELINE else "")
        )
    print("\ntargets: page cache >= 10x uncached on home and article; micro-cache >= 0.5x the static copy")


if __name__ == "__main__":
    main()
