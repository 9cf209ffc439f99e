"""The staff side at scale: every admin change list, with each of its filters, its search and its date hierarchy,
the export pages and the desks, timed on the demo content plus 100,000 articles, 2,000 cities, 500 meetings and
50,000 delegations (one delegate each), on PostgreSQL.

Run with `make bench`. Its database (BENCH_DATABASE_URL with the suffix _admin) is made once and kept (delete it to
start again); the generated rows are written in bulk, in a minute or two. The pages are asked by a signed-in
superuser through Django's test client, ROUNDS times each after a warm-up; the table gives the median, the query
count and the pages over the 300 ms target, slowest first. `BENCH_ADMIN_PAGES=news_article` measures only the
pages whose address contains that text.
"""

import datetime
import json
import os
import re
import statistics
import subprocess
import sys
import time
from functools import partial
from html import unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from benchdb import create_database_if_missing  # noqa: E402

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench") + "_admin"
ARTICLES, CITIES, MEETINGS, DELEGATIONS = 100_000, 2_000, 500, 50_000
ROUNDS = int(os.environ.get("BENCH_ADMIN_ROUNDS", "5"))
TARGET_MS = 300
FILTER_LINK = re.compile(r'<li(?: class="selected")?>\s*<a href="(\?[^"]*)"')
FILTER_BLOCK = re.compile(r'<details data-filter-title="[^"]*"[^>]*>(.*?)</details>', re.S)


def child_env():
    return {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DEBUG": "true",
        "ALLOWED_HOSTS": "testserver",
    }


def fill():
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo_data", verbosity=0, stdout=open(os.devnull, "w"))
    add_generated_rows()


def add_generated_rows():
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.utils import timezone

    from events.models import Delegate, Delegation, Event
    from members.models import LiaisonOfficer, MemberCity, Region
    from news.models import Article, Category

    now = timezone.now()
    started = time.monotonic()
    categories = list(Category.objects.all())
    words = ["城市更新", "营商环境", "联络员培训", "口岸通关", "乡村振兴", "公园绿地", "市长论坛", "友好城市"]
    statuses = [Article.Status.PUBLISHED] * 8 + [Article.Status.DRAFT, Article.Status.ARCHIVED]
    for start in range(0, ARTICLES, 10_000):
        Article.objects.bulk_create(
            Article(
                title=f"第{n}号：{words[n % len(words)]}工作推进会召开",
                summary="生成的摘要。",
                body="<p>生成的正文。</p>",
                category=categories[n % len(categories)],
                status=statuses[n % len(statuses)],
                publish_at=now - datetime.timedelta(days=3 * 365, minutes=n * 15),
                source="秘书处",
            )
            for n in range(start, min(start + 10_000, ARTICLES))
        )
    regions = list(Region.objects.all())
    levels = list(MemberCity.Level)
    cities = MemberCity.objects.bulk_create(
        MemberCity(
            name=f"生成市{n}",
            name_en=f"Generated {n}",
            slug=f"generated-{n}",
            region=regions[n % len(regions)],
            level=levels[n % len(levels)],
            joined_on=datetime.date(2000 + n % 25, 1 + n % 12, 1),
        )
        for n in range(CITIES)
    )
    officer = get_user_model().objects.create_user("bench-officer", "bench@example.cn", "!")
    LiaisonOfficer.objects.create(
        city=cities[0], user=officer, name="生成联络员", position="副秘书长", email=officer.email, is_primary=True
    )
    meetings = [
        Event(
            title=f"第{n + 1}次生成的会议",
            kind=list(Event.Kind)[n % len(Event.Kind)],
            venue="南宁国际会展中心",
            starts_at=now - datetime.timedelta(days=5 * n),
            ends_at=now - datetime.timedelta(days=5 * n - 1),
            status=Event.Status.PUBLISHED,
            registration_opens_at=now - datetime.timedelta(days=5 * n + 60),
            registration_closes_at=now - datetime.timedelta(days=5 * n + 10),
            capacity=200,
        )
        for n in range(MEETINGS)
    ]
    meetings = Event.objects.bulk_create(meetings)
    states = [Delegation.State.CONFIRMED] * 6 + [Delegation.State.PENDING, Delegation.State.WAITLISTED]
    per_meeting = DELEGATIONS // MEETINGS
    delegations = Delegation.objects.bulk_create(
        (
            Delegation(
                event=meeting,
                city=cities[(m * per_meeting + k) % CITIES],
                state=states[k % len(states)],
                submitted_by=officer,
                delegate_count=1,
                consent_given_at=meeting.registration_opens_at,
            )
            for m, meeting in enumerate(meetings)
            for k in range(per_meeting)
        ),
        batch_size=5_000,
    )
    Delegate.objects.bulk_create(
        (
            Delegate(
                delegation=delegation,
                name=f"代表{n}",
                position="副市长",
                rank=1,
                is_head=True,
                mobile=f"139{n:08d}",
                accommodation=Delegate.Accommodation.SINGLE,
            )
            for n, delegation in enumerate(delegations)
        ),
        batch_size=5_000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"generated rows in {time.monotonic() - started:.0f} s", file=sys.stderr)


def signed_in_client():
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.filter(username="bench-admin").first()
    if user is None:
        user = get_user_model().objects.create_superuser("bench-admin", "admin@example.cn", "!")
    device = TOTPDevice.objects.filter(user=user).first() or TOTPDevice.objects.create(
        user=user, name="authenticator", confirmed=True
    )
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


STANDARD_VIEWS = ("_changelist", "_add", "_change", "_delete", "_history", "_autocomplete")


def pages(client):
    """Every change list; each filter's first choice; the search; the date hierarchy's last year; the newest item's
    change page; every other page of the model admins (exports, lists, printouts) for the busiest item."""
    from django.contrib import admin
    from django.db.models import Count
    from django.urls import URLPattern, reverse

    from events.models import Event

    busiest_event = Event.objects.annotate(n=Count("delegations")).order_by("-n", "-pk").first()
    urls = []
    for model, model_admin in admin.site._registry.items():
        info = f"{model._meta.app_label}_{model._meta.model_name}"
        changelist = reverse(f"admin:{info}_changelist")
        urls.append(changelist)
        if model_admin.search_fields:
            urls.append(f"{changelist}?q=%E5%9F%8E%E5%B8%82")  # 城市
        if model_admin.date_hierarchy:
            urls.append(f"{changelist}?{model_admin.date_hierarchy}__year={datetime.date.today().year - 1}")
        response = client.get(changelist)
        for block in FILTER_BLOCK.findall(response.content.decode()):
            choices = FILTER_LINK.findall(block)
            if len(choices) > 1:
                urls.append(changelist + unescape(choices[1]))
        item = busiest_event if model is Event else model._default_manager.order_by("-pk").first()
        if item is None:
            continue
        urls.append(reverse(f"admin:{info}_change", args=[item.pk]))
        for pattern in model_admin.get_urls():
            if not isinstance(pattern, URLPattern) or not pattern.name or pattern.name.endswith(STANDARD_VIEWS):
                continue
            urls += _addresses(pattern, item, model_admin)
    return urls


def _addresses(pattern, item, model_admin):
    """The pattern's addresses for this item: every value its other parameters take (a list's slug, a printout)."""
    from django.urls import NoReverseMatch, reverse

    from events import logistics

    parameters = set(pattern.pattern.converters) - {"pk", "object_id"}
    values = {"slug": list(logistics.LISTS), "kind": list(getattr(model_admin, "PRINTOUTS", {}))}
    if not parameters:
        choices = [{}]
    elif len(parameters) == 1 and next(iter(parameters)) in values:
        name = next(iter(parameters))
        choices = [{name: value} for value in values[name]]
    else:
        return []
    key = "pk" if "pk" in pattern.pattern.converters else "object_id"
    addresses = []
    for choice in choices:
        kwargs = {key: item.pk, **choice} if key in pattern.pattern.converters else choice
        try:
            addresses.append(reverse(f"admin:{pattern.name}", kwargs=kwargs))
        except NoReverseMatch:
            pass
    return addresses


def counted(queries, execute, sql, params, many, context):
    queries.append(sql)
    return execute(sql, params, many, context)


def measure():
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.urls import reverse

    from events.models import Event

    client = signed_in_client()
    officer_client = Client()
    officer_client.force_login(get_user_model().objects.get(username="bench-officer"))
    busiest_event = Event.objects.annotate(n=Count("delegations")).order_by("-n", "-pk").first()
    visits = [(client, url) for url in pages(client)]
    visits += [
        (client, reverse("events:checkin", args=[busiest_event.pk])),
        (officer_client, reverse("portal:dashboard")),
    ]
    only = os.environ.get("BENCH_ADMIN_PAGES")
    if only:
        visits = [(who, url) for who, url in visits if only in url]
    result = {}
    for client, url in visits:
        queries = []
        with connection.execute_wrapper(partial(counted, queries)):
            status = client.get(url).status_code
        samples = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            client.get(url)
            samples.append((time.perf_counter() - start) * 1000)
        result[url] = {"status": status, "queries": len(queries), "ms": statistics.median(samples)}
    print(json.dumps(result))


def main():
    if create_database_if_missing(DATABASE_URL):
        subprocess.run([sys.executable, __file__, "--fill"], env=child_env(), check=True)
    else:
        subprocess.run([sys.executable, __file__, "--migrate"], env=child_env(), check=True)
    out = subprocess.run(
        [sys.executable, __file__, "--measure"], env=child_env(), check=True, capture_output=True, text=True
    ).stdout
    result = json.loads(out.strip().splitlines()[-1])
    slow = {url: facts for url, facts in result.items() if facts["ms"] > TARGET_MS}
    print(
        f"\nThe staff side with {ARTICLES:,} articles, {CITIES:,} cities, {MEETINGS} meetings and {DELEGATIONS:,} "
        f"delegations (PostgreSQL, median of {ROUNDS}): {len(result)} pages, {len(slow)} over {TARGET_MS} ms"
    )
    print(f"{'page':90} {'status':>6} {'queries':>7} {'median':>9}")
    for url, facts in sorted(result.items(), key=lambda item: -item[1]["ms"]):
        print(f"{url[:90]:90} {facts['status']:>6} {facts['queries']:>7} {facts['ms']:7.1f}ms")
    errors = [url for url, facts in result.items() if facts["status"] >= 400 and facts["status"] != 405]
    if errors:
        print("\nAnswered with an error:", *errors, sep="\n  ")


if __name__ == "__main__":
    if sys.argv[1:] == ["--fill"]:
        fill()
    elif sys.argv[1:] == ["--migrate"]:
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    elif sys.argv[1:] == ["--measure"]:
        measure()
    else:
        main()
