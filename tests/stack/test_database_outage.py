"""The database stopped in the middle of a burst of registrations: answers are 302 or 503, never 500; /healthz says
503 while it is down; afterwards every city that was told "registered" is registered, and no city twice."""

import concurrent.futures
import json

import pytest
from django.conf import settings

from tests.events.conftest import delegates
from tests.events.test_pages import form_data
from tests.stack.conftest import ROOT, Stack, wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.stack]

CITIES = 40


def active_delegations_by_city(stack):
    out = stack.manage(
        "shell",
        "-c",
        "import json; from events.models import Delegation; "
        "print(json.dumps(list(Delegation.objects.active().values_list('city_id', flat=True))))",
    )
    return json.loads(out.strip().splitlines()[-1])


def test_the_database_stopped_mid_burst_loses_and_duplicates_no_delegation(own_postgres, tmp_path):
    stack = Stack(tmp_path, own_postgres.url, secret_key=settings.SECRET_KEY)
    no_redis = {"REDIS_URL": "", "EMAIL_URL": "consolemail://"}
    stack.manage("migrate", "--noinput", **no_redis)
    seeded = json.loads(
        stack.manage("shell", "-c", open(ROOT / "tests/stack/seed_burst.py").read(), BURST_CITIES=CITIES, **no_redis)
        .strip()
        .splitlines()[-1]
    )
    stack.web(**no_redis)
    url = f"/portal/events/{seeded['event']}/delegation/"
    try:
        answers = {}

        def register(city_id):
            status, _headers, _body = stack.request(
                "POST", url, form_data(delegates(2)), session=seeded["sessions"][city_id]
            )
            answers.setdefault(city_id, []).append(status)
            return status

        cities = list(seeded["sessions"])
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            assert list(pool.map(register, cities[:10])) == [302] * 10
            stopping = pool.submit(own_postgres.stop)  # while these are being answered
            list(pool.map(register, cities[10:25]))
            stopping.result()
            after = list(pool.map(register, cities[25:]))  # the database is down now
        assert set(after) == {503}
        health = stack.request("GET", "/healthz")
        assert health[0] == 503 and '"database": "unavailable"' in health[2]

        own_postgres.start()
        wait_for(lambda: stack.request("GET", "/healthz")[0] == 200, 30, "the site did not come back")
        for city_id in cities:  # officers who were not told "registered" try again
            if answers[city_id][-1] != 302:
                register(city_id)
    finally:
        stack.stop_all()

    every_status = [status for statuses in answers.values() for status in statuses]
    assert set(every_status) <= {302, 400, 503}, f"unexpected answers: {sorted(set(every_status))}\n{stack.logs()}"
    registered = active_delegations_by_city(stack)
    assert sorted(registered) == sorted(int(city) for city in cities), "a city is missing or registered twice"
    told_registered = [city for city, statuses in answers.items() if 302 in statuses]
    assert set(map(int, told_registered)) <= set(registered)
    print(f"{every_status.count(503)} answers were 503 while the database was down; {len(registered)} delegations")
