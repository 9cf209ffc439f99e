"""/healthz/ready: what works and what does not; 503 only without the database. And pages without a database."""

import datetime

import pytest
from django.utils import timezone

from config.settings.base import redis_cache
from tests.factories import OutgoingEmailFactory, PeriodicRunFactory
from tests.ports import free_port

OUTBOX_SWEEP = "outbox-sweep"  # as core declares it

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down(settings):
    url = f"redis://127.0.0.1:{free_port()}/0"
    settings.CACHES = {"default": redis_cache(url, "portal"), "pages": redis_cache(url, "portal-pages")}
    settings.CELERY_BROKER_URL = url


def test_embedded_and_local_is_ok(client):
    response = client.get("/healthz/ready")
    body = response.json()
    assert response.status_code == 200 and body["status"] == "ok" and body["problems"] == []
    assert body["checks"]["broker"]["status"] == "embedded" and body["checks"]["cache"]["status"] == "local"
    assert body["checks"]["outbox"] == {"status": "ok", "pending": 0, "failed": 0, "oldest_pending_seconds": None}
    assert "no-cache" in response["Cache-Control"]


def test_redis_down_is_degraded_not_down(client, redis_down):
    response = client.get("/healthz/ready")
    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "degraded"
    assert body["problems"] == ["broker", "cache", "worker"]
    assert body["checks"]["cache"] == {"status": "unavailable", "error": "ConnectionError"}


def test_a_worker_is_seen_through_its_recent_sweep(client, settings):
    settings.CELERY_BROKER_URL = "memory://"
    PeriodicRunFactory(name=OUTBOX_SWEEP, finished_at=timezone.now() - datetime.timedelta(seconds=20))
    assert client.get("/healthz/ready").json()["checks"]["worker"] == {"status": "ok", "last_sweep_seconds_ago": 20}


def test_a_worker_silent_for_minutes_is_stale(client, settings):
    settings.CELERY_BROKER_URL = "memory://"
    PeriodicRunFactory(name=OUTBOX_SWEEP, finished_at=timezone.now() - datetime.timedelta(minutes=10))
    body = client.get("/healthz/ready").json()
    assert body["status"] == "degraded" and body["checks"]["worker"]["status"] == "stale"


def test_mail_waiting_for_long_is_reported(client):
    OutgoingEmailFactory(created_at=timezone.now() - datetime.timedelta(minutes=40))
    OutgoingEmailFactory(state="failed")
    body = client.get("/healthz/ready").json()
    assert body["status"] == "degraded" and body["problems"] == ["outbox"]
    outbox = body["checks"]["outbox"]
    assert (outbox["status"], outbox["pending"], outbox["failed"]) == ("stuck", 1, 1)
    assert 2390 <= outbox["oldest_pending_seconds"] <= 2410


def test_without_the_database_readiness_is_503(client, database_down):
    response = client.get("/healthz/ready")
    assert response.status_code == 503 and response.json()["status"] == "error"


def test_a_page_without_its_database_is_503_with_a_retry_not_500(client, database_down):
    response = client.get("/en/news/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "What you sent may not have been saved" in response.content.decode()


@pytest.mark.parametrize("path", ["/portal/", "/admin/", "/en/portal/"])
def test_a_signed_in_request_without_its_database_is_503_too(client, staff_user, path, request):
    """The two-step check reads the session and the devices before the view: it answers 503 as a view would."""
    client.force_login(staff_user)
    request.getfixturevalue("database_down")
    response = client.get(path)
    assert response.status_code == 503 and response["Retry-After"] == "5"


def test_with_redis_down_public_pages_still_answer(client, redis_down):
    for url in ("/", "/news/", "/events/", "/search/?q=会议", "/accounts/login/"):
        assert client.get(url).status_code == 200, url
