"""The primary database lost, with a streaming replica (two clusters of the test's own): readers keep getting pages,
from the replica, with no 5xx; officers who try to write get the read-only page with Retry-After; after
`manage.py promote_replica` and a restart on the promoted database, registrations resume and every registration
that was accepted before the loss is there."""

import json

import pytest
from django.conf import settings

from tests.events.conftest import delegates
from tests.events.test_pages import form_data
from tests.stack.conftest import ROOT, Stack
from tests.stack.test_database_outage import active_delegations_by_city

pytestmark = [pytest.mark.postgres, pytest.mark.stack]

CITIES = 12
NO_REDIS = {"REDIS_URL": "", "EMAIL_URL": "consolemail://"}  # no page cache: every page is read from a database


@pytest.fixture
def primary(own_postgres):
    return own_postgres


@pytest.fixture
def standby(primary):
    cluster = primary.streaming_replica()
    yield cluster
    cluster.remove()


def test_readers_are_served_from_the_replica_and_writes_resume_after_promotion(primary, standby, tmp_path):
    stack = Stack(tmp_path, primary.url, secret_key=settings.SECRET_KEY)
    with_replica = {**NO_REDIS, "DATABASE_REPLICA_URL": standby.url}
    stack.manage("migrate", "--noinput", **NO_REDIS)
    seed = open(ROOT / "tests/stack/seed_burst.py").read()
    seeded = json.loads(stack.manage("shell", "-c", seed, BURST_CITIES=CITIES, **NO_REDIS).strip().splitlines()[-1])
    cities = list(seeded["sessions"])
    reader_pages = ["/", "/news/", f"/events/{seeded['event']}/", "/events/", "/members/", "/members/city1/"]
    register_url = f"/portal/events/{seeded['event']}/delegation/"

    def register(city_id):
        return stack.request("POST", register_url, form_data(delegates(1)), session=seeded["sessions"][city_id])

    stack.web(**with_replica)
    try:
        assert [register(city)[0] for city in cities[:4]] == [302] * 4  # accepted: on both clusters by now
        assert {path: stack.request("GET", path)[0] for path in reader_pages} == dict.fromkeys(reader_pages, 200)

        primary.stop()

        readers = {path: stack.request("GET", path) for path in reader_pages * 2}  # both workers, each page
        assert {path: answer[0] for path, answer in readers.items()} == dict.fromkeys(reader_pages, 200)
        assert "联络工作会议" in readers[f"/events/{seeded['event']}/"][2]
        health = stack.request("GET", "/healthz")
        assert health[0] == 200 and json.loads(health[2])["status"] == "read-only"

        status, headers, body = register(cities[4])
        assert status == 503
        assert headers["Retry-After"].isdigit()
        assert "Temporarily read-only" in body or "暂时只读" in body

        desk = stack.request("GET", "/portal/", session=seeded["sessions"][cities[4]])
        assert desk[0] == 503 and "Retry-After" in desk[1]
    finally:
        stack.stop_all()

    promoted = stack.manage("promote_replica", **with_replica)
    assert "Promoted" in promoted
    assert standby.sql("SELECT pg_is_in_recovery()") == "f"

    stack.database_url = standby.url
    port = stack.web(**NO_REDIS).port
    try:
        assert stack.request("GET", "/healthz", port=port)[0] == 200
        resumed = [
            stack.request("POST", register_url, form_data(delegates(1)), session=seeded["sessions"][city], port=port)[0]
            for city in cities[4:]
        ]
        assert resumed == [302] * (CITIES - 4)
    finally:
        stack.stop_all()
    assert sorted(active_delegations_by_city(stack)) == sorted(int(city) for city in cities)
