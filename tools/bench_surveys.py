"""A questionnaire at national scale: its results page and its XLSX export for 2,000 respondents × 40 questions
(choices, numbers, texts and tables), on PostgreSQL. Targets: the page under 2 s, the XLSX under 10 s, and a peak of
memory that does not grow with the number of respondents (1,000 against 2,000).

Run with `make bench`. Its database (BENCH_DATABASE_URL with the suffix _surveys) is made once and kept. Each
measurement runs in a fresh process; the two sizes are interleaved over ROUNDS rounds and the table gives medians.
Peak memory is what Python allocated (tracemalloc), in a run of its own so that tracing does not slow the timed one.
"""

import json
import os
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from benchdb import create_database_if_missing  # noqa: E402

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench") + "_surveys"
SIZES = (1000, 2000)
QUESTIONS = 40
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))


def env():
    return {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DEBUG": "false",
        "SECRET_KEY": "bench-surveys-not-secret",
        "EMAIL_URL": "dummymail://",
    }


def child(*args):
    result = subprocess.run([sys.executable, __file__, *args], check=False, env=env(), capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(result.stdout + result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


def setup_django():
    import django

    django.setup()


def kinds():
    """40 questions: a quarter choices, a quarter multiple choices, numbers, then texts and tables."""
    for n in range(QUESTIONS):
        kind = ("single", "multiple", "number", "short", "table")[n % 5]
        yield n, kind


def fill():
    setup_django()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.utils import timezone

    from members.models import MemberCity, Region
    from surveys.models import Form, Question, Questionnaire, Response, Section

    call_command("migrate", verbosity=0)
    if Questionnaire.objects.filter(title__startswith="基准").count() == len(SIZES):
        return
    region, _ = Region.objects.get_or_create(name="全国")
    cities = MemberCity.objects.bulk_create(
        MemberCity(name=f"基准{n:04d}市", slug=f"bench-{n:04d}", level="prefecture", region=region)
        for n in range(max(SIZES))
    )
    chance = random.Random(29)
    for size in SIZES:
        form = Form.objects.create(name=f"基准{size}")
        section = Section.objects.create(form=form, title="基准")
        questions = [
            Question(
                section=section,
                key=f"q{n}",
                kind=kind,
                text=f"问题{n}",
                choices="甲\n乙\n丙\n丁" if kind in ("single", "multiple") else "",
                rows="2024\n2025" if kind == "table" else "",
                columns="中央\n地方\n社会" if kind == "table" else "",
                order=n,
            )
            for n, kind in kinds()
        ]
        Question.objects.bulk_create(questions)
        now = timezone.now()
        questionnaire = Questionnaire.objects.create(
            form=form,
            title=f"基准{size}",
            opens_at=now - timezone.timedelta(days=1),
            deadline=now + timezone.timedelta(days=30),
            all_cities=True,
            state=Questionnaire.State.SENT,
        )

        def answers():
            found = {}
            for n, kind in kinds():
                if kind == "single":
                    found[f"q{n}"] = chance.choice("甲乙丙丁")
                elif kind == "multiple":
                    found[f"q{n}"] = chance.sample(list("甲乙丙丁"), 2)
                elif kind == "number":
                    found[f"q{n}"] = str(chance.randrange(0, 100000))
                elif kind == "short":
                    found[f"q{n}"] = "有关做法" * chance.randrange(1, 20)
                else:
                    found[f"q{n}"] = {year: {"中央": str(chance.randrange(1, 900))} for year in ("2024", "2025")}
            return found

        Response.objects.bulk_create(
            (
                Response(questionnaire=questionnaire, city=city, answers=answers(), state="submitted", submitted_at=now)
                for city in cities[:size]
            ),
            batch_size=500,
        )
    get_user_model().objects.get_or_create(username="bench-staff", defaults={"is_staff": True, "is_superuser": True})


def measure(what, size, traced):
    setup_django()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from surveys import exports
    from surveys.models import Questionnaire

    staff = get_user_model().objects.get(username="bench-staff")
    questionnaire = Questionnaire.objects.get(title=f"基准{size}")
    client = Client()
    client.force_login(staff)
    from tests.conftest import verify_session  # past the second step, as a signed-in secretariat is

    verify_session(client, staff)
    if traced:
        tracemalloc.start()
    started = time.perf_counter()
    if what == "page":
        url = reverse("admin:surveys_questionnaire_results", args=[questionnaire.pk])
        response = client.get(url, HTTP_HOST="localhost", secure=True)
        result = [response.status_code, len(response.content)]
    else:
        result = len(exports.responses_xlsx(questionnaire, by=staff))
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 1e6 if traced else None
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "result": result}))


def main():
    created = create_database_if_missing(DATABASE_URL)
    print(f"database {DATABASE_URL} ({'made now' if created else 'kept'}), {QUESTIONS} questions, {ROUNDS} rounds")
    subprocess.run([sys.executable, __file__, "--fill"], env=env(), check=True)
    keys = [f"{what} {size}" for size in SIZES for what in ("page", "xlsx")]
    runs, peaks = {key: [] for key in keys}, {key: [] for key in keys}
    for _round in range(ROUNDS):
        for key in keys:
            what, size = key.split()
            timed = child("--measure", what, size, "")
            traced = child("--measure", what, size, "traced")
            runs[key].append(timed["seconds"])
            peaks[key].append(traced["peak_mb"])
            print(f"  {key:12} {timed['seconds']:6.2f} s  peak {traced['peak_mb']:7.1f} MB  {timed['result']}")
    print(f"\n{'':12} {'seconds (median)':>17} {'peak MB (median)':>17}")
    for key in keys:
        print(f"{key:12} {statistics.median(runs[key]):17.2f} {statistics.median(peaks[key]):17.1f}")
    for what, target in (("page", 2), ("xlsx", 10)):
        small, large = (statistics.median(peaks[f"{what} {size}"]) for size in SIZES)
        seconds = statistics.median(runs[f"{what} {SIZES[1]}"])
        ratio = large / small
        print(f"{what}: {seconds:.2f} s at {SIZES[1]} (target under {target} s); peak 2000/1000: {ratio:.2f}x")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--fill"]:
        fill()
    elif sys.argv[1:2] == ["--measure"]:
        measure(sys.argv[2], int(sys.argv[3]), sys.argv[4] == "traced")
    else:
        main()
