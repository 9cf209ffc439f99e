"""/metrics: Prometheus text for staff signed in with both steps or a scraper with the token, nobody else; the
portal's own gauges read at each scrape; Sentry only when SENTRY_DSN is set, without personal data."""

import pytest

from tests.factories import DelegationFactory, OutgoingEmailFactory, StaffUserFactory

pytestmark = pytest.mark.django_db


def test_anonymous_readers_and_wrong_tokens_are_refused(client, settings):
    settings.METRICS_TOKEN = "scrape-secret"

    assert client.get("/metrics").status_code == 403
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 403
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics", headers={"Authorization": "Bearer "}).status_code == 403


def test_the_token_reads_requests_latency_database_outbox_and_registrations(client, settings):
    settings.METRICS_TOKEN = "scrape-secret"
    settings.PAGE_CACHE_SECONDS = 600
    OutgoingEmailFactory.create_batch(3)
    DelegationFactory()
    client.get("/news/")

    response = client.get("/metrics", headers={"Authorization": "Bearer scrape-secret"})
    text = response.content.decode()

    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    assert (
        'django_http_responses_total_by_status_view_method_total{method="GET",status="200",view="news:index"}' in text
    )
    assert "django_http_requests_latency_seconds_by_view_method_bucket" in text
    portal = [line for line in text.splitlines() if line.startswith("portal_")]
    assert any(line.startswith("portal_db_query_seconds_count") for line in portal), portal
    assert any(line.startswith("portal_page_cache_seconds_bucket") for line in portal), portal
    assert 'portal_outbox_emails{state="pending"} 3.0' in text
    assert "portal_outbox_oldest_pending_seconds" in text
    assert 'portal_delegations{state="pending"}' in text
    assert response["Cache-Control"] == "private, no-store"


def test_staff_signed_in_with_both_steps_may_read_it(client):
    client.force_login(StaffUserFactory())  # the tests' force_login counts as both steps (tests/conftest.py)

    assert client.get("/metrics").status_code == 200


def test_sentry_starts_only_with_a_dsn_and_sends_no_personal_data(monkeypatch):
    import sentry_sdk

    from core.web import errors

    started = []
    monkeypatch.setattr(sentry_sdk, "init", lambda **options: started.append(options))
    errors.start_sentry("https://key@sentry.example/1", environment="test", traces_sample_rate=0.0)

    [options] = started
    assert options["send_default_pii"] is False
    event = options["before_send"](
        {
            "request": {
                "method": "POST",
                "url": "https://x/portal/",
                "data": {"phone": "138"},
                "query_string": "q=1",
                "cookies": {"sessionid": "s"},
            }
        },
        None,
    )
    assert event["request"] == {"method": "POST", "url": "https://x/portal/"}


def test_sentry_is_off_without_a_dsn(settings):
    import sentry_sdk

    assert not settings.SENTRY_DSN
    assert sentry_sdk.get_client().is_active() is False
