"""Do pages cost the same at any size? The home page, the news list, the member directory and the API's lists on the
demo content, and on the demo content plus 10,000 published articles and 300 more member cities, on PostgreSQL.

Run with `make bench`. Two databases of its own (BENCH_DATABASE_URL with the suffixes _small and _large) are made
once and kept (delete them to start again). The two sizes are measured interleaved, each round in a fresh process
per size, and the table gives medians over the rounds and the ratio large / small per round.
"""

import json
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

BASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench")
ROUNDS = 6
REQUESTS = 25
PAGES = [
    "/",
    "/news/",
    "/members/",
    "/members/nanning/",
    "/api/v1/news/",
    "/api/v1/news/?page_size=100",
    "/api/v1/cities/",
]
EXTRA_ARTICLES = 10_000
EXTRA_CITIES = 300


def database_url(size):
    return f"{BASE_URL}_{size}"


def child_env(size):
    return {
        **os.environ,
        "DATABASE_URL": database_url(size),
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DEBUG": "true",
        "ALLOWED_HOSTS": "testserver",
    }


def ensure_database(size):
    created = create_database_if_missing(database_url(size))
    subprocess.run(
        [sys.executable, __file__, "--fill" if created else "--migrate", size], env=child_env(size), check=True
    )


def fill(size):
    """Migrate, load the demo content and, for the large database, add the generated rows."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo_data", verbosity=0, stdout=open(os.devnull, "w"))
    if size == "large":
        add_generated_rows()


def add_generated_rows():
    import datetime

    from django.utils import timezone

    from members.models import MemberCity, Region
    from news.models import Article, Category

    categories = list(Category.objects.all())
    regions = list(Region.objects.all())
    now = timezone.now()
    articles = [
        Article(
            title=f"第{n}号生成的新闻：城市更新工作推进会",
            summary="生成的摘要。",
            body="<p>生成的正文。</p>",
            category=categories[n % len(categories)],
            status=Article.Status.PUBLISHED,
            publish_at=now - datetime.timedelta(days=400, minutes=n),
        )
        for n in range(EXTRA_ARTICLES)
    ]
    Article.objects.bulk_create(articles, batch_size=1000)  # older than the demo's, so the pages show the same items
    cities = [
        MemberCity(
            name=f"生成市{n}", slug=f"generated-{n}", region=regions[n % len(regions)], level=MemberCity.Level.COUNTY
        )
        for n in range(EXTRA_CITIES)
    ]
    MemberCity.objects.bulk_create(cities, batch_size=500)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def measure(size):
    """In a child process: median milliseconds per page for REQUESTS requests after a warm-up."""
    import django

    django.setup()
    from django.test import Client

    client = Client()
    result = {}
    for page in PAGES:
        for _ in range(3):
            assert client.get(page).status_code == 200, page
        samples = []
        for _ in range(REQUESTS):
            start = time.perf_counter()
            client.get(page)
            samples.append((time.perf_counter() - start) * 1000)
        result[page] = statistics.median(samples)
    print(json.dumps(result))


def run_child(size):
    out = subprocess.run(
        [sys.executable, __file__, "--measure", size], env=child_env(size), check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    for size in ("small", "large"):
        ensure_database(size)
    rounds = []
    for _ in range(ROUNDS):
        rounds.append((run_child("small"), run_child("large")))
    print(
        f"\nPages at demo size and with {EXTRA_ARTICLES:,} more articles and {EXTRA_CITIES} more cities "
        f"(PostgreSQL, {ROUNDS} interleaved rounds of {REQUESTS} requests)"
    )
    print(f"{'page':28} {'demo median':>12} {'large median':>13} {'speed large/demo':>17}")
    for page in PAGES:
        small = statistics.median(r[0][page] for r in rounds)
        large = statistics.median(r[1][page] for r in rounds)
        speed = statistics.median(r[0][page] / r[1][page] for r in rounds)
        print(f"{page:28} {small:10.1f}ms {large:11.1f}ms {speed:16.2f}x")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--fill":
        fill(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "--migrate":
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    elif len(sys.argv) == 3 and sys.argv[1] == "--measure":
        measure(sys.argv[2])
    else:
        main()
