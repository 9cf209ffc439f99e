"""The figures at national scale, on PostgreSQL: ten years of 2,000 member cities, 500 meetings with 50,000
delegates, 100,000 articles, notices, questionnaires, dues, subscribers and API use. Each dashboard endpoint is
timed with its figure worked out afresh (a new figures generation before each request) and must answer in under
200 ms; the city profile in under 150 ms; and the same endpoint kept in the cache, for the ratio.

Run with `make bench`. Its database (BENCH_DATABASE_URL with the suffix _figures) is made once and kept. Each round
runs in a fresh process, the endpoints interleaved; the table gives medians over ROUNDS rounds.
"""

import datetime
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from benchdb import create_database_if_missing  # noqa: E402

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench") + "_figures"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
YEARS, CITIES, MEETINGS, DELEGATES, ARTICLES = 10, 2000, 500, 50_000, 100_000
TARGET_MS = {"chart": 200, "profile": 150}


def env():
    return {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DEBUG": "false",
        "SECRET_KEY": "bench-figures-not-secret",
        "EMAIL_URL": "dummymail://",
    }


def setup_django():
    import django

    django.setup()


def fill():
    setup_django()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from api.models import ApiUsage
    from events.models import Delegate, Delegation, Event, MeetingNotice, NoticeRecipient
    from members.models import MemberCity, Region
    from membership.models import DuesNotice, Payment
    from news.models import Article, Category, ReadsByMonth
    from subscriptions.models import Subscriber
    from surveys.models import Form, Questionnaire, Response

    call_command("migrate", verbosity=0)
    if Event.objects.count() >= MEETINGS:
        return
    chance = random.Random(30)
    now = timezone.now()
    first_year = timezone.localdate().year - YEARS + 1
    staff, _ = get_user_model().objects.get_or_create(
        username="bench-staff", defaults={"is_staff": True, "is_superuser": True}
    )
    with transaction.atomic():
        regions = [Region.objects.create(name=f"省{n:02d}", order=n) for n in range(31)]
        cities = MemberCity.objects.bulk_create(
            MemberCity(
                name=f"基准{n:04d}市",
                slug=f"bench-{n:04d}",
                level="prefecture" if n % 3 else "county",
                region=regions[n % len(regions)],
                membership_level=("member", "council", "standing_council")[n % 3],
                joined_on=datetime.date(first_year - 5 + n % (YEARS + 5), 1 + n % 12, 1),
            )
            for n in range(CITIES)
        )
        events = Event.objects.bulk_create(
            Event(
                title=f"基准会议{n:03d}",
                kind="forum",
                status="published",
                starts_at=now - datetime.timedelta(days=1 + n * 365 * YEARS // MEETINGS),
                ends_at=now - datetime.timedelta(days=n * 365 * YEARS // MEETINGS),
                capacity=1000,
                host_city=cities[n % CITIES],
            )
            for n in range(MEETINGS)
        )
        per_meeting = DELEGATES // MEETINGS // 2  # two delegates a city
        delegations = Delegation.objects.bulk_create(
            (
                Delegation(
                    event=event,
                    city=cities[(n * 7 + k) % CITIES],
                    state="confirmed",
                    consent_given_at=event.starts_at,
                    delegate_count=2,
                )
                for n, event in enumerate(events)
                for k in range(per_meeting)
            ),
            batch_size=2000,
        )
        Delegate.objects.bulk_create(
            (
                Delegate(delegation=delegation, name="代表", gender="male", position="副市长", rank=rank)
                for delegation in delegations
                for rank in (1, 2)
            ),
            batch_size=5000,
        )
        for event in events[:100]:
            notice = MeetingNotice.objects.create(
                event=event, title="通知", body="请报名。", reply_by=event.starts_at, created_by=staff
            )
            NoticeRecipient.objects.bulk_create(
                (
                    NoticeRecipient(
                        notice=notice,
                        city=city,
                        sent_at=event.starts_at - datetime.timedelta(days=30),
                        reply="attend" if chance.random() < 0.6 else "",
                    )
                    for city in cities
                ),
                batch_size=5000,
            )
        category = Category.objects.create(name="基准", slug="bench")
        Article.objects.bulk_create(
            (
                Article(
                    title=f"基准文章{n}",
                    body="<p>正文</p>",
                    category=category,
                    status="published",
                    publish_at=now - datetime.timedelta(minutes=n * 52),
                )
                for n in range(ARTICLES)
            ),
            batch_size=5000,
        )
        month = timezone.localdate().replace(day=1)
        for _ in range(YEARS * 12):
            ReadsByMonth.objects.create(month=month, views=chance.randrange(10_000, 90_000))
            month = (month - datetime.timedelta(days=1)).replace(day=1)
        ApiUsage.objects.bulk_create(
            ApiUsage(day=timezone.localdate() - datetime.timedelta(days=n), requests=chance.randrange(100, 9000))
            for n in range(1, 365 * YEARS)
        )
        Subscriber.objects.bulk_create(
            (
                Subscriber(
                    email=f"reader{n}@example.cn",
                    state="active",
                    consent_statement="同意",
                    consent_at=now - datetime.timedelta(hours=n),
                    confirmed_at=now - datetime.timedelta(hours=n),
                )
                for n in range(20_000)
            ),
            batch_size=5000,
        )
        for year in range(first_year, first_year + YEARS):
            notices = DuesNotice.objects.bulk_create(
                DuesNotice(
                    year=year,
                    city=city,
                    level=city.membership_level,
                    amount=5000,
                    reference=f"{year}-{city.pk}",
                    due_on=datetime.date(year, 3, 31),
                    payee_name="协会",
                    payee_bank="银行",
                    payee_number="1",
                    issued_by=staff,
                )
                for city in cities
            )
            Payment.objects.bulk_create(
                Payment(notice=notice, amount=5000, paid_on=datetime.date(year, 4, 1), recorded_by=staff)
                for notice in notices[: len(notices) * 3 // 4]
            )
        for n in range(50):
            deadline = now - datetime.timedelta(days=30 + n * 70)
            questionnaire = Questionnaire.objects.create(
                form=Form.objects.create(name=f"基准{n}"),
                title=f"基准问卷{n}",
                opens_at=deadline - datetime.timedelta(days=30),
                deadline=deadline,
                all_cities=n % 2 == 0,
                state="sent",
            )
            if n % 2:
                questionnaire.regions.add(*regions[: n % 10 + 1])
            Response.objects.bulk_create(
                Response(questionnaire=questionnaire, city=city, state="submitted", answers={})
                for city in cities[: 600 + n * 20]
            )


def measure():
    """One round in this process: each chart's JSON afresh and cached, the profile, the engagement list."""
    setup_django()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from core.backoffice import figures
    from members.models import MemberCity
    from tests.conftest import verify_session

    staff = get_user_model().objects.get(username="bench-staff")
    client = Client()
    client.force_login(staff)
    verify_session(client, staff)
    city = MemberCity.objects.order_by("pk")[7]
    targets = {
        **{f"chart {chart.key}": reverse("admin:figures_chart", args=[chart.key]) for chart in figures.charts()},
        "profile": reverse("admin:insight_cityengagement_profile", args=[city.pk]),
        "engagement list": reverse("admin:insight_cityengagement_changelist") + "?engagement=both",
    }
    client.get(targets["profile"], HTTP_HOST="localhost", secure=True)  # imports and first connection
    found = {}
    for name, url in targets.items():
        figures.new_generation()
        started = time.perf_counter()
        response = client.get(url, HTTP_HOST="localhost", secure=True)
        fresh = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, (name, response.status_code)
        started = time.perf_counter()
        client.get(url, HTTP_HOST="localhost", secure=True)
        kept = (time.perf_counter() - started) * 1000
        found[name] = [fresh, kept]
    print(json.dumps(found))


def main():
    created = create_database_if_missing(DATABASE_URL)
    print(f"database {DATABASE_URL} ({'made now' if created else 'kept'}), {ROUNDS} rounds")
    started = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--fill"], env=env(), check=True)
    print(f"data ready in {time.perf_counter() - started:.0f} s")
    rounds = []
    for _round in range(ROUNDS):
        result = subprocess.run(
            [sys.executable, __file__, "--measure"], check=False, env=env(), capture_output=True, text=True
        )
        if result.returncode:
            raise SystemExit(result.stdout + result.stderr)
        rounds.append(json.loads(result.stdout.strip().splitlines()[-1]))
    print(f"\n{'':26} {'afresh ms':>10} {'cached ms':>10} {'ratio':>7}  target")
    over = []
    for name in rounds[0]:
        fresh = statistics.median(r[name][0] for r in rounds)
        kept = statistics.median(r[name][1] for r in rounds)
        target = TARGET_MS["profile"] if name == "profile" else TARGET_MS["chart"] if name.startswith("chart") else None
        verdict = "" if target is None else f"under {target} ms: {'yes' if fresh < target else 'NO'}"
        if target is not None and fresh >= target:
            over.append(name)
        print(f"{name:26} {fresh:10.1f} {kept:10.1f} {fresh / kept:7.1f}x  {verdict}")
    print("all within their targets" if not over else f"over target: {', '.join(over)}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--fill"]:
        fill()
    elif sys.argv[1:2] == ["--measure"]:
        measure()
    else:
        main()
