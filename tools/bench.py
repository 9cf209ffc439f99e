"""Benchmarks printed as a table: page times in Simplified and in Traditional Chinese (the cost of
the OpenCC conversion) on the demo content. Run with `make bench`; not part of the test suite.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

from core.i18n.chinese import html_to_traditional, to_traditional  # noqa: E402
from news.models import Article  # noqa: E402

ROUNDS = 30  # requests per timing


def timings(client, url):
    client.get(url)  # warm caches
    samples = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main():
    call_command("migrate", verbosity=0)
    call_command("load_demo_data", verbosity=0, stdout=open(os.devnull, "w"))
    client = Client()
    article = Article.objects.published().first()
    pages = ["/", "/news/", f"/news/{article.pk}/", "/members/", "/events/", "/about/leadership/"]
    print(
        f"{'page (uncached)':28} {'zh-hans median':>15} {'zh-hant median':>15} {'conversion':>11} {'share':>6} "
        f"{'zh-hant p95':>12}"
    )
    with override_settings(PAGE_CACHE_SECONDS=0):
        for page in pages:
            simplified, _ = timings(client, page)
            traditional, p95 = timings(client, "/zh-hant" + page)
            share = (traditional - simplified) / simplified * 100
            print(
                f"{page:28} {simplified:13.1f}ms {traditional:13.1f}ms {traditional - simplified:9.1f}ms {share:5.0f}% "
                f"{p95:10.1f}ms"
            )
    print("targets: home <= 15 ms, other pages <= 10 ms (zh-hans median); the conversion <= 10 % of the page")
    conversion_alone(client, f"/news/{article.pk}/")
    page_cache(client, ["/", f"/news/{article.pk}/", "/zh-hant/", "/news/"])


def conversion_alone(client, url):
    """The OpenCC conversion of one rendered page by itself: the first time (empty cache) and once cached."""
    markup = client.get(url).content.decode()
    to_traditional.cache_clear()
    start = time.perf_counter()
    html_to_traditional(markup)
    cold = (time.perf_counter() - start) * 1000
    warm = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        html_to_traditional(markup)
        warm.append((time.perf_counter() - start) * 1000)
    print(
        f"\nconverting {url} alone ({len(markup.encode()) // 1024} KB of HTML): "
        f"{cold:.1f} ms with an empty cache, {statistics.median(warm):.1f} ms median once cached"
    )


def page_cache(client, pages, rounds=5):
    """Uncached renders against page-cache hits (the database cache here, as without Redis), interleaved."""
    from django.conf import settings

    print(f"\npage cache ({settings.CACHES['pages']['BACKEND'].rsplit('.', 1)[-1]}), {rounds} interleaved rounds")
    print(f"{'page':28} {'uncached':>10} {'cache hit':>10} {'speed-up':>9}")
    for page in pages:
        ratios, uncached_times, hit_times = [], [], []
        for _ in range(rounds):
            with override_settings(PAGE_CACHE_SECONDS=0):
                uncached, _ = timings(client, page)
            with override_settings(PAGE_CACHE_SECONDS=600):
                hit, _ = timings(client, page)
            ratios.append(uncached / hit)
            uncached_times.append(uncached)
            hit_times.append(hit)
        print(
            f"{page:28} {statistics.median(uncached_times):8.1f}ms {statistics.median(hit_times):8.2f}ms "
            f"{statistics.median(ratios):8.1f}x"
        )


if __name__ == "__main__":
    main()
