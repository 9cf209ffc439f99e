"""The membership year at national scale: issuing and queueing the year's dues notices for 2,000 member cities,
and importing a bank statement of 5,000 rows (2,000 paying notices by their reference, the rest money that is not
dues), on PostgreSQL. Targets: under 60 s each, and a peak of memory that does not grow with the number of rows.

Run with `make bench`. Its database (BENCH_DATABASE_URL with the suffix _membership) is made once and kept. Each
measurement runs in a fresh process on a database reset to the 2,000 cities without notices; the statement is
imported at 2,500 and at 5,000 rows, interleaved over ROUNDS rounds, and the table gives medians. Peak memory is
what Python allocated (tracemalloc), measured in a run of its own so that tracing does not slow the timed one.
E-mails are written to the outbox (the queue of record) and not delivered.
"""

import json
import os
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

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench") + "_membership"
CITIES = 2000
ROWS = (2500, 5000)
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
YEAR = 2031


def env():
    return {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DEBUG": "false",
        "SECRET_KEY": "bench-membership-not-secret",
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


def fill():
    """2,000 active member cities at every level, each with a liaison officer and an account."""
    setup_django()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from members.models import LiaisonOfficer, MemberCity, MembershipLevel, Region
    from membership.models import DuesRate, PayeeAccount
    from tests.factories.membership import RATES

    call_command("migrate", verbosity=0)
    if MemberCity.objects.count() >= CITIES:
        return
    region, _ = Region.objects.get_or_create(name="全国")
    levels = MembershipLevel.values
    cities = MemberCity.objects.bulk_create(
        MemberCity(
            name=f"基准{n:04d}市",
            slug=f"bench-{n:04d}",
            level="prefecture",
            region=region,
            membership_level=levels[n % len(levels)],
        )
        for n in range(CITIES)
    )
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"bench-officer-{n:04d}", email=f"officer{n:04d}@bench.example.cn")
        for n in range(CITIES)
    )
    LiaisonOfficer.objects.bulk_create(
        LiaisonOfficer(city=city, user=user, name=f"联络员{n}", position="副秘书长", email=user.email)
        for n, (city, user) in enumerate(zip(cities, users, strict=True))
    )
    DuesRate.objects.bulk_create(DuesRate(year=YEAR, level=level, amount=amount) for level, amount in RATES.items())
    PayeeAccount.objects.get_or_create(is_current=True, defaults={"name": "协会", "bank": "银行", "number": "1"})
    get_user_model().objects.get_or_create(username="bench-finance", defaults={"is_staff": True, "is_superuser": True})


def reset():
    from core.models import OutgoingEmail
    from membership.models import DuesNotice, NumberCounter, Payment, Receipt, Statement, StatementRow

    StatementRow.objects.all().delete()
    Statement.objects.all().delete()
    Receipt.objects.filter(reverses__isnull=False).delete()
    Receipt.objects.all().delete()
    Payment.objects.all().delete()
    DuesNotice.objects.all().delete()
    NumberCounter.objects.all().delete()
    OutgoingEmail.objects.filter(kind="dues").delete()


def measure(what, size, traced):
    """One measurement in this process: seconds, or the peak of Python's allocations in MB."""
    setup_django()
    import datetime

    from django.contrib.auth import get_user_model

    from core import jobs
    from membership.models import DuesNotice
    from membership.services import dues, statements

    by = get_user_model().objects.get(username="bench-finance")
    reset()
    jobs._local.after_response = []  # deliveries are queued, not run: the bench measures writing the outbox
    if what == "statement":
        dues.dues_issue_notices(year=YEAR, due_on=datetime.date(YEAR, 3, 31), by=by)
        references = list(DuesNotice.objects.values_list("reference", "amount"))
        lines = ["交易日期,交易流水号,对方户名,摘要,借方金额,贷方金额,余额"]
        for n in range(size):
            if n < len(references):
                reference, amount = references[n]
                lines.append(f"{YEAR}-02-10,B{n:07d},某市财政局,会费 {reference},,{amount},")
            else:
                lines.append(f"{YEAR}-02-10,B{n:07d},某公司{n},货款,,{100 + n % 900}.00,")
        data = ("\r\n".join(lines) + "\r\n").encode("gb18030")
    if traced:
        tracemalloc.start()
    started = time.perf_counter()
    if what == "notices":
        result = len(dues.dues_issue_notices(year=YEAR, due_on=datetime.date(YEAR, 3, 31), by=by))
    else:
        imported = statements.statement_import(data=data, filename="bench.csv", by=by)
        result = [imported.matched, imported.unmatched]
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 1e6 if traced else None
    jobs._local.after_response = None
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "result": result}))


def main():
    created = create_database_if_missing(DATABASE_URL)
    print(f"database {DATABASE_URL} ({'made now' if created else 'kept'}), {CITIES} member cities, {ROUNDS} rounds")
    subprocess.run([sys.executable, __file__, "--fill"], env=env(), check=True)
    runs = {"notices": [], **{f"statement {rows}": [] for rows in ROWS}}
    peaks = {key: [] for key in runs}
    for _round in range(ROUNDS):
        for key in runs:
            what, _, size = key.partition(" ")
            timed = child("--measure", what, size or "0", "")
            traced = child("--measure", what, size or "0", "traced")
            runs[key].append(timed["seconds"])
            peaks[key].append(traced["peak_mb"])
            print(f"  {key:18} {timed['seconds']:6.1f} s  peak {traced['peak_mb']:6.1f} MB  {timed['result']}")
    print(f"\n{'':18} {'seconds (median)':>17} {'peak MB (median)':>17}")
    for key in runs:
        print(f"{key:18} {statistics.median(runs[key]):17.1f} {statistics.median(peaks[key]):17.1f}")
    small, large = (statistics.median(peaks[f"statement {rows}"]) for rows in ROWS)
    print(f"\nstatement peak memory, {ROWS[1]} rows / {ROWS[0]} rows: {large / small:.2f}x (target: about 1x)")
    slowest = max(statistics.median(values) for values in runs.values())
    print(f"slowest median {slowest:.1f} s (target: under 60 s)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--fill"]:
        fill()
    elif sys.argv[1:2] == ["--measure"]:
        measure(sys.argv[2], int(sys.argv[3]), sys.argv[4] == "traced")
    else:
        main()
