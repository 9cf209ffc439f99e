"""schemathesis against /api/v1/openapi.json on the demo content: every operation, with generated parameters
valid and invalid, answers without a server error, and what it answers conforms to the schema it publishes."""

import io

import pytest
import schemathesis
from django.core import signals
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

pytestmark = pytest.mark.django_db

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


@pytest.fixture
def api_schema(settings):
    call_command("load_demo_data", stdout=io.StringIO())
    settings.API_ANONYMOUS_RATE = 1_000_000  # the generated requests all come from one address
    # As Django's test client does: the WSGI handler would otherwise close the test's database connection (and its
    # transaction) at the end of each request.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def operations(schema):
    return [result.ok() for result in schema.get_all_operations()]


def test_the_schema_lists_every_endpoint(api_schema):
    labels = {operation.label for operation in operations(api_schema)}

    assert {
        "GET /api/v1/news/",
        "GET /api/v1/news/{article_id}",
        "GET /api/v1/news/categories",
        "GET /api/v1/news/topics",
        "GET /api/v1/news/topics/{slug}",
        "GET /api/v1/events/",
        "GET /api/v1/events/{event_id}",
        "GET /api/v1/events/{event_id}/agenda",
        "GET /api/v1/events/{event_id}/speakers",
        "GET /api/v1/cities/",
        "GET /api/v1/cities/{slug}",
        "GET /api/v1/documents/",
        "GET /api/v1/periodicals/",
        "GET /api/v1/periodicals/{slug}/issues",
        "GET /api/v1/periodicals/{slug}/issues/{year}/{number}",
    } <= labels


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_operation_conforms_to_the_published_schema(api_schema, mode):
    checked = []
    for operation in operations(api_schema):

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=15, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def check(case):
            response = case.call_and_validate(checks=CHECKS)
            checked.append(response.status_code)

        try:
            check()
        except Unsatisfiable:
            # A string slug alone, or no parameter at all, has no invalid value to generate.
            assert mode is GenerationMode.NEGATIVE
    assert len(checked) >= 15 and all(status < 500 for status in checked)
