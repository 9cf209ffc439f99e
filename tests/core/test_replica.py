"""Reads from the replica while the primary is gone (core/replica.py, core/web/replica.py); the real clusters are in
tests/stack/test_replica.py."""

import pytest
from django.core.management import CommandError, call_command
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import translation

from core import replica
from core.web import health
from core.web.middleware import database_unavailable
from core.web.replica import ReplicaFallbackMiddleware

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_replica(monkeypatch):
    monkeypatch.setattr(replica, "configured", lambda: True)
    replica.primary_back()
    yield
    replica.primary_back()


class PrimaryGone:
    """A view stack whose primary database is unreachable: it answers from the replica only."""

    def __init__(self):
        self.calls = []

    def __call__(self, request):
        from_replica = replica._reading_from_replica.get()
        self.calls.append("replica" if from_replica else "primary")
        if from_replica:
            return HttpResponse("from the replica")
        return database_unavailable(request, OSError("connection refused"))


def test_reads_go_to_the_replica_only_inside_reads(with_replica):
    router = replica.PrimaryReplicaRouter()
    assert router.db_for_read(None) is None
    with replica.reads():
        assert router.db_for_read(None) == "replica"
        assert router.db_for_write(None) == "default"
    assert router.db_for_read(None) is None
    assert router.allow_migrate("replica", "news") is False and router.allow_migrate("default", "news") is None


def test_without_a_replica_reads_stay_on_the_primary():
    with replica.reads():
        assert replica.PrimaryReplicaRouter().db_for_read(None) is None


def test_an_anonymous_page_is_tried_on_the_primary_then_read_from_the_replica(with_replica):
    view = PrimaryGone()
    middleware = ReplicaFallbackMiddleware(view)
    response = middleware(RequestFactory().get("/news/"))
    assert (response.status_code, response.content) == (200, b"from the replica")
    assert view.calls == ["primary", "replica"]

    middleware(RequestFactory().get("/events/"))  # the primary is presumed down for a while: not tried again
    assert view.calls == ["primary", "replica", "replica"]


def test_the_primary_is_tried_again_after_a_while(with_replica, monkeypatch):
    view = PrimaryGone()
    middleware = ReplicaFallbackMiddleware(view)
    middleware(RequestFactory().get("/news/"))
    clock = replica.time.monotonic() + replica.PRIMARY_RETRY_SECONDS + 1
    monkeypatch.setattr(replica.time, "monotonic", lambda: clock)
    middleware(RequestFactory().get("/news/"))
    assert view.calls == ["primary", "replica", "primary", "replica"]


@pytest.mark.parametrize(
    "request_made",
    [
        lambda: RequestFactory().post("/portal/events/1/delegation/", {"remarks": "x"}),
        lambda: RequestFactory(HTTP_COOKIE="sessionid=abc").get("/portal/"),
    ],
    ids=["a write", "a signed-in reader"],
)
def test_writes_and_signed_in_people_get_the_read_only_page(with_replica, request_made):
    view = PrimaryGone()
    with translation.override("en"):
        response = ReplicaFallbackMiddleware(view)(request_made())
    assert view.calls == ["primary"]
    assert response.status_code == 503 and response["Retry-After"].isdigit()
    assert "Temporarily read-only" in response.content.decode()


def test_without_a_replica_the_page_says_unavailable(client, database_down):
    response = client.get("/en/news/")
    assert response.status_code == 503 and "Temporarily unavailable" in response.content.decode()


def test_the_read_only_page_says_what_still_works(client, with_replica, database_down):
    response = client.post("/en/accounts/login/", {"username": "a", "password": "b"})
    page = response.content.decode()
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert "Temporarily read-only" in page and "You can still read the news" in page


def test_healthz_says_read_only_while_the_replica_answers(client, with_replica, monkeypatch):
    monkeypatch.setattr(health, "_database_ok", lambda alias="default": alias == replica.REPLICA)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "read-only", "database": "unavailable", "replica": "ok"}
    monkeypatch.setattr(health, "_database_ok", lambda alias="default": False)
    assert client.get("/healthz").status_code == 503


def test_promotion_needs_a_replica():
    with pytest.raises(CommandError, match="DATABASE_REPLICA_URL is not set"):
        call_command("promote_replica")
