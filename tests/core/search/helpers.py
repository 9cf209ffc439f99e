"""Helpers shared by the search tests: reading results, counts and the index."""

import datetime
from urllib.parse import parse_qs, urlsplit

from django.db import connection
from django.utils import timezone

from core.search.models import SearchEntry
from tests.html import parse

ON_POSTGRES = connection.vendor == "postgresql"


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def search(client, prefix="", **params):
    return client.get(f"{prefix}/search/", params)


def result_titles(response):
    """The titles of the results in the order shown, as plain text."""
    assert response.status_code == 200
    return [item.find("a").text for item in parse(response).find_all("h2", class_="search-result__title")]


def result_links(response):
    return [a["href"] for h2 in parse(response).find_all("h2", class_="search-result__title") for a in h2.find_all("a")]


def kind_counts(response):
    """{"article": 2, "event": 0, ...} from the kind tabs (keyed by the kind in each tab's link)."""
    counts = {}
    for link in parse(response).find("nav", class_="search-kinds").find_all("a"):
        count = link.find("span", class_="search-kinds__count")
        kind = parse_qs(urlsplit(link["href"]).query).get("kind", [""])[0]
        if count is not None and kind:
            counts[kind] = int(count.text)
    return counts


def index_snapshot():
    return sorted(SearchEntry.objects.values_list("kind", "object_id", "title", "words"))
