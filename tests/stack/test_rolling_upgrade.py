"""An upgrade with no failed request: two instances behind the shipped nginx serve readers and officers registering
while a new version is deployed whose migration adds a column (with a database default, as the expand rule asks)
and fills it in a data migration. The new version's migrations are checked and applied while the old code runs;
then each instance in turn is taken out of nginx's rotation (a graceful reload), stopped once its requests are
done, started on the new code and put back (README, "Upgrades")."""

import json
import shutil
import subprocess
import sys
import threading
import time

import pytest

from events.models import Delegation
from tests.ports import free_port
from tests.stack.conftest import ROOT
from tests.stack.nine import form_fields
from tests.stack.processes import BIN, Nginx, Process, accepts, http_request, wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.stack]

OFFICERS = 40

NEW_MIGRATION = """from django.db import migrations, models


def estimate(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    Article.objects.filter(reading_minutes=0).update(reading_minutes=1)


class Migration(migrations.Migration):
    dependencies = [("news", "{last}")]
    operations = [
        migrations.AddField(
            "article", "reading_minutes", models.PositiveSmallIntegerField(default=0, db_default=0)
        ),
        migrations.RunPython(estimate, migrations.RunPython.noop),
    ]
"""


def new_version(tmp_path):
    """This version with one more migration and the model field it adds."""
    tree = tmp_path / "new-version"
    shutil.copytree(ROOT, tree, ignore=shutil.ignore_patterns(".git", ".venv", "node_modules", "var", "__pycache__"))
    last = sorted(p.stem for p in (ROOT / "news/migrations").glob("0*.py"))[-1]
    (tree / "news/migrations/9999_reading_minutes.py").write_text(NEW_MIGRATION.format(last=last))
    models = (tree / "news/models.py").read_text()
    field = '    view_count = models.PositiveBigIntegerField(_("views"), default=0, editable=False)\n'
    assert field in models
    models = models.replace(
        field, field + "    reading_minutes = models.PositiveSmallIntegerField(default=0, db_default=0)\n"
    )
    (tree / "news/models.py").write_text(models)
    return tree


def gunicorn(stack, name, port, tree):
    command = [str(BIN / "gunicorn"), "-c", str(tree / "deploy/gunicorn.conf.py"), "config.wsgi"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", "2", "--timeout", "60"]
    process = Process(name, command, stack.env(), stack.tmp, cwd=tree).start()
    stack.processes.append(process)
    wait_for(lambda: accepts(port), 60, f"gunicorn did not start:\n{process.output()}")
    return process


class Load:
    """Readers on the news list and an article, and officers registering and changing their delegations, until
    stopped."""

    def __init__(self, nginx, article, meeting, sessions):
        self.nginx, self.article, self.meeting, self.sessions = nginx, article, meeting, list(sessions)
        self.answers, self.registered, self.lock = [], set(), threading.Lock()
        self.running = True

    def record(self, what, status):
        with self.lock:
            self.answers.append((what, status))

    def reader(self):
        while self.running:
            for path in ("/news/", f"/news/{self.article}/"):
                try:
                    status = http_request("GET", path, self.nginx.https_port, tls=self.nginx.tls, timeout=30)[0]
                except OSError as error:
                    status = repr(error)
                self.record(path, status)

    def officers(self, sessions):
        """Each officer registers, then keeps changing the registration: a post is always under way."""
        path = f"/portal/events/{self.meeting}/delegation/"
        while self.running:
            for index, (city, session) in sessions:
                if not self.running:
                    return
                try:
                    status = http_request(
                        "POST",
                        path,
                        self.nginx.https_port,
                        tls=self.nginx.tls,
                        session=session,
                        data=form_fields(index),
                    )[0]
                except OSError as error:
                    status = repr(error)
                self.record("registration", status)
                if status == 302:
                    with self.lock:
                        self.registered.add(city)

    def __enter__(self):
        self.threads = [threading.Thread(target=self.reader) for _ in range(2)]
        numbered = list(enumerate(self.sessions))
        self.threads += [threading.Thread(target=self.officers, args=(numbered[n::4],)) for n in range(4)]
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.running = False
        for thread in self.threads:
            thread.join(60)


def test_a_new_version_is_rolled_out_under_load_with_no_failed_request_and_no_lost_registration(stack, tmp_path):
    if not Nginx.available():
        pytest.skip("needs nginx (Debian package)")
    stack.redis.start()
    seeded = json.loads(
        stack.manage(
            "shell", "-c", (ROOT / "tests/stack/seed_nine.py").read_text(), NINE_CITIES=OFFICERS, NINE_PLACES=500
        )
        .strip()
        .splitlines()[-1]
    )
    article = stack.manage(
        "shell", "-c", "from tests.factories import ArticleFactory; print(ArticleFactory(status='published').pk)"
    ).split()[-1]
    ports = [free_port(), free_port()]
    old = [gunicorn(stack, f"old-{n}", port, ROOT) for n, port in enumerate(ports)]
    nginx = Nginx(tmp_path, ports, static_root=tmp_path / "static", media_root=tmp_path / "media").start()
    tree = new_version(tmp_path)

    with Load(nginx, article, seeded["meetings"][0], seeded["sessions"]) as load:
        time.sleep(2)
        for step in (["check_migrations"], ["migrate", "--noinput"]):  # make upgrade's, from the new version
            done = subprocess.run(
                [sys.executable, "manage.py", *step],
                cwd=tree,
                env=stack.env(),
                capture_output=True,
                text=True,
                check=False,
            )
            assert done.returncode == 0, done.stdout + done.stderr
        time.sleep(2)  # the old code serves on the migrated database
        for n, port in enumerate(ports):
            nginx.set_upstreams(ports, down=[port])  # drain: nginx sends it nothing new
            time.sleep(1)
            old[n].stop()  # graceful: its requests under way are answered first
            gunicorn(stack, f"new-{n}", port, tree)
            nginx.set_upstreams(ports)
            time.sleep(2)
        time.sleep(2)

    failed = [(what, status) for what, status in load.answers if status not in (200, 302)]
    assert not failed, (failed[:10], stack.logs())
    assert len(load.answers) > 100 and load.registered
    assert set(load.registered) <= set(
        Delegation.objects.filter(event=seeded["meetings"][0]).values_list("city_id", flat=True)
    )
    served_new = nginx.request("GET", f"/news/{article}/")[0]
    assert served_new == 200
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM news_article WHERE reading_minutes = 1")
        assert cursor.fetchone()[0] >= 1  # the data migration ran
