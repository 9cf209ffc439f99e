"""The operator's request log: one line per request, the request id in it, in the response and in every other
line the request causes; slow requests and queries flagged; nothing personal."""

import io
import json
import logging

import pytest

from config.settings.base import redis_cache
from tests.factories import EventFactory, LiaisonOfficerFactory, StaffUserFactory
from tests.ports import free_port

pytestmark = pytest.mark.django_db


def request_records(caplog):
    return [record for record in caplog.records if record.name == "portal.request"]


def test_one_line_per_request_with_its_id_also_in_the_response(client, caplog, settings):
    caplog.set_level(logging.INFO)
    settings.SLOW_REQUEST_MS = 60_000

    response = client.get("/news/?q=private-words")

    [record] = request_records(caplog)
    assert response["X-Request-ID"] == record.request_id and len(record.request_id) == 32
    assert (record.method, record.path, record.view, record.status) == ("GET", "/news/", "news:index", 200)
    assert record.duration_ms > 0 and record.queries > 0 and record.user_kind == "anonymous" and not record.slow
    assert "private-words" not in json.dumps(vars(record), default=str)


def test_every_line_a_request_causes_carries_its_id(client, caplog):
    caplog.set_level(logging.INFO)

    response = client.get("/news/999999/")

    ids = {record.request_id for record in caplog.records if record.name in ("django.request", "portal.request")}
    assert response.status_code == 404 and ids == {response["X-Request-ID"]}


def test_the_user_is_logged_by_kind_only(client, caplog):
    caplog.set_level(logging.INFO)
    officer = LiaisonOfficerFactory()
    staff = StaffUserFactory()

    client.get("/")
    client.force_login(officer.user)
    client.get("/portal/")
    client.force_login(staff)
    client.get("/")

    assert [record.user_kind for record in request_records(caplog)] == ["anonymous", "officer", "staff"]
    logged = json.dumps([vars(record) for record in caplog.records], default=str)
    assert officer.user.username not in logged and officer.email not in logged


def test_secret_tokens_in_paths_are_shortened(client, caplog):
    caplog.set_level(logging.INFO)

    client.get("/subscribe/settings/Abcdefghijklmnopqrstuvwxyz0123/")

    [record] = request_records(caplog)
    assert record.path == "/subscribe/settings/Abcd…/" and "Abcdefghijklmnop" not in record.getMessage()


def test_slow_requests_and_slow_queries_are_flagged_without_their_parameters(client, caplog, settings):
    caplog.set_level(logging.INFO)
    settings.SLOW_REQUEST_MS = 0
    settings.SLOW_QUERY_MS = 0

    client.get("/search/", {"q": "某某人的名字"})

    [request] = request_records(caplog)
    queries = [record for record in caplog.records if record.name == "portal.slow_query"]
    assert request.slow and request.levelno == logging.WARNING
    assert queries and all(record.request_id == request.request_id for record in queries)
    assert all("某某人" not in record.sql for record in queries)


def test_an_id_from_a_trusted_proxy_is_kept_and_one_from_anyone_else_is_not(client, settings):
    assert client.get("/", headers={"X-Request-ID": "edge-1234abcd"})["X-Request-ID"] != "edge-1234abcd"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client.get("/", headers={"X-Request-ID": "edge-1234abcd"})["X-Request-ID"] == "edge-1234abcd"
    assert client.get("/", headers={"X-Request-ID": "bad id\nforged"})["X-Request-ID"] != "bad id\nforged"


def test_the_json_format_is_one_object_a_line():
    from logging.config import dictConfig

    from django.conf import settings as django_settings

    config = json.loads(json.dumps(django_settings.LOGGING))
    config["handlers"]["console"]["formatter"] = "json"
    dictConfig(config)
    try:
        handler = logging.getLogger().handlers[0]
        record = logging.getLogger("portal.request").makeRecord(
            "portal.request", logging.INFO, __file__, 1, "request", (), None, extra={"status": 200, "request_id": "abc"}
        )
        line = handler.formatter.format(record)
    finally:
        dictConfig(django_settings.LOGGING)

    data = json.loads(line)
    assert "\n" not in line and data["message"] == "request" and data["status"] == 200 and data["request_id"] == "abc"
    assert {"time", "level", "logger"} <= set(data)


@pytest.fixture
def console():
    """What the operator's console handler writes (the formatted lines, tracebacks included)."""
    [handler] = [h for h in logging.getLogger().handlers if isinstance(h, logging.StreamHandler) and h.filters]
    written = io.StringIO()
    previous = handler.setStream(written)
    yield written
    handler.setStream(previous)


def test_a_refusal_is_logged_in_one_line_without_a_traceback(client, console):
    event = EventFactory()
    client.force_login(StaffUserFactory())  # both steps, but not the check-in permission

    response = client.post(f"/events/{event.pk}/checkin/", {"token": "x"})

    forbidden = [line for line in console.getvalue().splitlines() if "Forbidden" in line]
    assert response.status_code == 403 and len(forbidden) == 1
    assert "Traceback" not in console.getvalue()


def test_a_server_error_keeps_its_traceback(client, console, monkeypatch):
    monkeypatch.setattr("news.views.Article.objects.published", lambda: 1 / 0)
    client.raise_request_exception = False

    assert client.get("/news/").status_code == 500
    assert "Traceback" in console.getvalue() and "ZeroDivisionError" in console.getvalue()


def test_redis_away_is_a_line_a_time_not_a_traceback(client, console, settings):
    settings.CACHES = {**settings.CACHES, "pages": redis_cache(f"redis://127.0.0.1:{free_port()}/0", "portal-pages")}
    settings.PAGE_CACHE_SECONDS = 60

    assert client.get("/").status_code == 200

    lines = [line for line in console.getvalue().splitlines() if "ConnectionError" in line]
    assert lines and all("127.0.0.1" in line for line in lines)  # what went wrong, where
    assert "Traceback" not in console.getvalue()
