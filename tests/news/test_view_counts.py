"""Readers of one popular article at once: every view counted, none twice, and no reader waits on the article row."""

import concurrent.futures
import http.client
import threading
import urllib.parse

import pytest
from django.db import connection

from news import services
from news.models import Article, ArticleView
from tests.factories import ArticleFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: concurrent writers"),
]

READERS = 32
VIEWS = 1000


def test_a_thousand_views_from_32_readers_read_exactly_a_thousand_after_flushing(live_server):
    article = ArticleFactory(status=Article.Status.PUBLISHED)
    address = urllib.parse.urlsplit(live_server.url)
    stop = threading.Event()

    def read(_n):
        conn = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
        try:
            conn.request("POST", f"/news/{article.pk}/seen/")
            return conn.getresponse().status
        finally:
            conn.close()

    def flush_meanwhile():
        flushed = 0
        while not stop.is_set():
            flushed += services.view_counts_flush()
        connection.close()
        return flushed

    with concurrent.futures.ThreadPoolExecutor(1) as flusher:
        flushing = flusher.submit(flush_meanwhile)
        with concurrent.futures.ThreadPoolExecutor(READERS) as readers:
            statuses = list(readers.map(read, range(VIEWS)))
        stop.set()
        flushed_meanwhile = flushing.result()

    assert statuses == [204] * VIEWS
    flushed_after = services.view_counts_flush()
    article.refresh_from_db()
    assert article.view_count == VIEWS == flushed_meanwhile + flushed_after
    assert not ArticleView.objects.exists()
    assert flushed_meanwhile > 0, "no flush ran during the burst: the test did not race them"
