"""The e-mail digest for 10,000 subscribers (each following every news section) on PostgreSQL: how long the run takes
to write its rows into the outbox, and what it costs readers meanwhile (the news list's latency with and without a
digest running in another process, interleaved). Run with `make bench`; its database (BENCH_DATABASE_URL with
_digest) is made once and kept."""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from benchdb import create_database_if_missing  # noqa: E402

URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench") + "_digest"
SUBSCRIBERS = 10_000
ENV = {
    **os.environ,
    "DATABASE_URL": URL,
    "DJANGO_SETTINGS_MODULE": "config.settings.test",
    "DEBUG": "true",
    "ALLOWED_HOSTS": "testserver",
}


def child(*args):
    return subprocess.run([sys.executable, __file__, *args], env=ENV, check=True, capture_output=True, text=True).stdout


def fill():
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from news.models import Category
    from subscriptions.models import Subscriber

    call_command("migrate", verbosity=0)
    call_command("load_demo_data", verbosity=0, stdout=open(os.devnull, "w"))
    now = timezone.now()
    Subscriber.objects.bulk_create(
        (
            Subscriber(
                email=f"reader{n}@example.cn",
                token=f"bench-{n}",
                state="active",
                language=("zh-hans", "zh-hant", "en")[n % 3],
                consent_statement="同意",
                consent_at=now,
            )
            for n in range(SUBSCRIBERS)
        ),
        batch_size=2000,
    )
    categories = list(Category.objects.filter(parent__isnull=True).values_list("pk", flat=True))
    through = Subscriber.categories.through
    through.objects.bulk_create(
        (
            through(subscriber_id=pk, category_id=category)
            for category in categories
            for pk in Subscriber.objects.values_list("pk", flat=True)
        ),
        batch_size=5000,
    )


def digest_run():
    """One digest run from scratch (the outbox emptied first); prints seconds and rows. The delivery tasks are
    counted, not run: with a broker they go to the workers (without one they would run here, which is not what
    a digest run costs)."""
    import django

    django.setup()
    from django.utils import timezone

    from core import jobs
    from core.models import OutgoingEmail
    from subscriptions import services

    queued = []
    jobs.dispatch = lambda task, *args: queued.append(args)

    OutgoingEmail.objects.filter(kind="digest").delete()
    start = time.perf_counter()
    written = services.send_digests(now=timezone.now(), frequencies=["weekly"])
    assert len(queued) == written
    print(f"{time.perf_counter() - start:.2f} {written}")


def reader_latency():
    """Median milliseconds of 40 requests of the news list (uncached)."""
    import django

    django.setup()
    from django.test import Client

    client = Client()
    client.get("/news/")
    samples = []
    for _ in range(40):
        started = time.perf_counter()
        client.get("/news/")
        samples.append((time.perf_counter() - started) * 1000)
    print(f"{statistics.median(samples):.2f}")


def main():
    if create_database_if_missing(URL):
        child("--fill")
    else:
        child("--migrate")
    idle, busy, runs = [], [], []
    for _ in range(3):
        idle.append(float(child("--latency").split()[-1]))
        digest = subprocess.Popen([sys.executable, __file__, "--digest"], env=ENV, stdout=subprocess.PIPE, text=True)
        time.sleep(1)
        busy.append(float(child("--latency").split()[-1]))
        seconds, written = digest.communicate()[0].split()[-2:]
        runs.append((float(seconds), int(written)))
    seconds = statistics.median(run[0] for run in runs)
    print(
        f"\nDigest for {SUBSCRIBERS:,} subscribers (PostgreSQL, 3 runs): median {seconds:.1f} s to write "
        f"{runs[0][1]:,} e-mails into the outbox ({runs[0][1] / seconds:,.0f} per second)"
    )
    print(
        f"news list while it runs: {statistics.median(busy):.1f} ms median, idle {statistics.median(idle):.1f} ms "
        f"(ratio {statistics.median(b / i for b, i in zip(busy, idle, strict=True)):.2f})"
    )


if __name__ == "__main__":
    if sys.argv[1:] == ["--fill"]:
        fill()
    elif sys.argv[1:] == ["--migrate"]:
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    elif sys.argv[1:] == ["--digest"]:
        digest_run()
    elif sys.argv[1:] == ["--latency"]:
        reader_latency()
    else:
        main()
