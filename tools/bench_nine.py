"""Nine o'clock: 1,000 officers of 1,000 member cities register for one meeting with 100 places as registration
opens, through the shipped nginx and two gunicorns (4 workers each) sharing PostgreSQL and Redis. Two ways of
arriving, each an open loop (every officer sends at a time fixed beforehand, whatever the others were answered):

- "one instant": all 1,000 posts at the same moment;
- "a minute": half in the first ten seconds, the rest over the following fifty.

After each run the database is checked (tests/stack/nine.py): the capacity exactly, one active delegation per city,
the waiting list in arrival order, every officer told "saved" has a delegation. Figures: registrations per second,
p50/p99/max latency from the moment the officer meant to send, 5xx.

Run by `make bench-http` after tools/bench_http.py. NINE_CITIES (1000) and NINE_ROUNDS (2) change the size. With
BENCH_BASELINE=<git revision>, the same runs go to that revision too (a git worktree with its own database),
interleaved round by round, and the table adds the ratios: `BENCH_BASELINE=cfb3635 make bench-http`.
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from benchdb import recreate_database  # noqa: E402

from tests.ports import free_port  # noqa: E402
from tests.stack.nine import arrivals, burst, figures  # noqa: E402
from tests.stack.processes import BIN, Nginx, Process, RedisServer, accepts, wait_for  # noqa: E402

BASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench")
CITIES = int(os.environ.get("NINE_CITIES", "1000"))
ROUNDS = int(os.environ.get("NINE_ROUNDS", "2"))
WORKERS = int(os.environ.get("NINE_WORKERS", "4"))
SCENARIOS = {"one instant": {"within": 0}, "a minute": {"within": 60.0, "first_seconds": 10.0}}


class Portal:
    """One version of the portal (a source tree) on its own database, behind its own nginx."""

    def __init__(self, name, tree, tmp, redis_url):
        self.name, self.tree, self.tmp = name, tree, tmp / name
        self.tmp.mkdir(parents=True)
        self.database_url = f"{BASE_URL}_nine_{name}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.stack.settings",
            "DATABASE_URL": self.database_url,
            "REDIS_URL": redis_url,
            "EMAIL_URL": "consolemail://",
            "DEBUG": "false",
            "SECRET_KEY": "bench-nine-not-secret",
            "SECURE_COOKIES": "false",
            "SECURE_SSL_REDIRECT": "false",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "MEDIA_ROOT": str(self.tmp / "media"),
            "PRIVATE_MEDIA_ROOT": str(self.tmp / "private"),
            "PYTHONDONTWRITEBYTECODE": "1",
            "LOG_LEVEL": "WARNING",
        }
        self.processes = []

    def manage(self, *args, **extra):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=self.tree,
            env={**self.env, **extra},
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def prepare(self, meetings):
        recreate_database(self.database_url)
        self.manage("migrate", "--noinput")
        seed = (ROOT / "tests/stack/seed_nine.py").read_text()
        out = self.manage("shell", "-c", seed, NINE_CITIES=str(CITIES), NINE_MEETINGS=str(meetings))
        seeded = json.loads(out.strip().splitlines()[-1])
        self.meetings, self.sessions = seeded["meetings"], seeded["sessions"]

    def start(self):
        ports = []
        for n in range(2):
            port = free_port()
            command = [str(BIN / "gunicorn"), "-c", str(self.tree / "deploy/gunicorn.conf.py"), "config.wsgi"]
            command += ["--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS), "--access-logfile", "/dev/null"]
            process = Process(f"{self.name}-web{n}", command, self.env, self.tmp, cwd=self.tree).start()
            self.processes.append(process)
            wait_for(lambda port=port: accepts(port), 60, f"gunicorn did not start:\n{process.output()}")
            ports.append(port)
        self.nginx = Nginx(self.tmp, ports, static_root=self.tmp / "static", media_root=self.tmp / "media")
        self.nginx.start(access_log=False)
        self.processes.append(self.nginx)

    def run(self, meeting, schedule):
        path = f"/portal/events/{meeting}/delegation/"
        posts = burst(self.nginx.https_port, path, self.sessions, schedule, tls=self.nginx.tls)
        found = self.manage("shell", "-c", CHECK, NINE_MEETING=str(meeting), NINE_POSTS=_posts_json(posts))
        return figures(posts), json.loads(found.strip().splitlines()[-1])

    def logs(self):
        return "\n".join(f"--- {p.name}\n{p.output()[-3000:]}" for p in self.processes if isinstance(p, Process))

    def stop(self):
        for process in reversed(self.processes):
            process.stop()


def _posts_json(posts):
    return json.dumps([[p.city_id, p.scheduled, p.sent, p.answered, p.status] for p in posts])


# Run in the portal's own `manage.py shell`: the rules checked against that version's database.
CHECK = """
import json, os
from events.models import Event
from tests.stack.nine import Post, problems
posts = [Post(c, s, sent, answered, status) for c, s, sent, answered, status in json.loads(os.environ["NINE_POSTS"])]
print(json.dumps(problems(Event.objects.get(pk=int(os.environ["NINE_MEETING"])), posts)))
"""


def baseline_tree(revision, tmp):
    tree = tmp / "baseline-tree"
    subprocess.run(["git", "worktree", "add", "--detach", str(tree), revision], cwd=ROOT, check=True)
    shutil.copytree(ROOT / "tests/stack", tree / "tests/stack", dirs_exist_ok=True)  # the same load and checks
    return tree


def main():
    if not Nginx.available():
        sys.exit("the nine o'clock scenario needs nginx (apt-get install nginx)")
    tmp = Path(tempfile.mkdtemp(prefix="portal-bench-nine-"))
    redis = RedisServer(tmp)
    revision = os.environ.get("BENCH_BASELINE", "")
    portals = []
    try:
        redis.start()
        portals.append(Portal("current", ROOT, tmp, redis.url))
        if revision:
            portals.append(Portal("baseline", baseline_tree(revision, tmp), tmp, redis.url))
        for portal in portals:
            portal.prepare(meetings=ROUNDS * len(SCENARIOS))
            portal.start()
        print(
            f"nine o'clock: {CITIES} cities, 100 places, 1-3 delegates a city; nginx and two gunicorns of {WORKERS} "
            f"workers each per version, PostgreSQL, Redis; {ROUNDS} rounds"
            + (f"; baseline {revision}" if revision else "")
        )
        results = {(p.name, s): [] for p in portals for s in SCENARIOS}
        meeting = 0
        for _ in range(ROUNDS):
            for scenario, shape in SCENARIOS.items():
                schedule = arrivals(CITIES, **shape)
                for portal in portals:
                    numbers, found = portal.run(portal.meetings[meeting], schedule)
                    assert not found, f"{portal.name}, {scenario}: {found}\n{portal.logs()}"
                    results[(portal.name, scenario)].append(numbers)
                meeting += 1
        report(results, [p.name for p in portals])
    finally:
        for portal in portals:
            portal.stop()
        redis.stop()
        if revision:
            subprocess.run(["git", "worktree", "remove", "--force", str(tmp / "baseline-tree")], cwd=ROOT, check=False)
        shutil.rmtree(tmp, ignore_errors=True)


def report(results, names):
    columns = ["per second", "p50 ms", "p99 ms", "max ms", "5xx"]
    print(f"\n{'medians over the rounds':34}" + "".join(f"{c:>12}" for c in columns))
    for (name, scenario), runs in results.items():
        cells = [statistics.median(run[c] for run in runs) for c in columns]
        print(f"{name + ', ' + scenario:34}" + "".join(f"{cell:12.1f}" for cell in cells))
    if len(names) == 2:
        print(f"\n{'current / baseline (per round)':34}{'rate':>12}{'p99':>12}")
        for scenario in SCENARIOS:
            pairs = list(zip(results[("current", scenario)], results[("baseline", scenario)], strict=True))
            rate = statistics.median(a["per second"] / b["per second"] for a, b in pairs)
            p99 = statistics.median(a["p99 ms"] / b["p99 ms"] for a, b in pairs)
            print(f"{scenario:34}{rate:11.2f}x{p99:11.2f}x")
    print("\ntargets: no 5xx, the rules above hold; p99 < 2 s for 'a minute'; 'one instant' at least 2x the baseline")


if __name__ == "__main__":
    main()
