"""Every answer under /api/v1/ is JSON, errors included: crafted cursors, unreadable input, the database away,
and a server error."""

import base64
import json

import pytest
from django.db import OperationalError

from tests.factories import ArticleFactory, DocumentFactory, EventFactory

pytestmark = pytest.mark.django_db


def cursor(text):
    return base64.b64encode(text.encode()).decode()


def json_error(response, status):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)["detail"]


@pytest.mark.parametrize("resource", ["news", "events", "documents"])
@pytest.mark.parametrize("position", ["p=2024", "p=not-a-date", "p=2024-13-45", "o=-1", "o=x", "r=maybe"])
def test_a_crafted_cursor_is_a_json_400(client, resource, position):
    ArticleFactory(), EventFactory(), DocumentFactory()
    response = client.get(f"/api/v1/{resource}/", {"cursor": cursor(position)})

    assert json_error(response, 400)


def test_a_real_next_cursor_still_works(client):
    ArticleFactory.create_batch(3)
    first = json.loads(client.get("/api/v1/news/", {"page_size": 2}).content)
    second = client.get(first["next"])

    assert second.status_code == 200 and len(json.loads(second.content)["results"]) == 1


@pytest.mark.parametrize("query", ["q=%00", "page_size=%ff%fe", "cursor=%c3%28"])
def test_nul_or_broken_utf8_is_a_json_400_saying_so(client, query):
    response = client.get(f"/api/v1/news/?{query}")

    assert "UTF-8" in json_error(response, 400)


def test_the_database_away_is_a_json_503_with_retry_after(client, monkeypatch):
    def lost(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr("news.api.Article.objects.published", lost)
    response = client.get("/api/v1/news/")

    assert json_error(response, 503)
    assert response["Retry-After"]


def test_a_server_error_is_a_json_500(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("news.api.Article.objects.published", broken)
    client.raise_request_exception = False
    response = client.get("/api/v1/news/?lang=en")

    assert "recorded" in json_error(response, 500)  # in the reader's language
    assert "已记录" in json_error(client.get("/api/v1/news/"), 500)


def test_pages_outside_the_api_keep_their_html_errors(client):
    response = client.get("/news/?q=%00")

    assert response.status_code == 400 and response["Content-Type"].startswith("text/html")


def test_the_root_lists_every_resource_with_the_schema_and_the_documentation(client):
    response = client.get("/api/v1/")
    index = json.loads(response.content)

    assert response.status_code == 200
    assert index["schema"] == "http://testserver/api/v1/openapi.json"
    assert index["documentation"] == "http://testserver/api/"
    for name in ("news", "events", "cities", "documents", "periodicals", "news/topics"):
        assert client.get(index["resources"][name]).status_code == 200, name
