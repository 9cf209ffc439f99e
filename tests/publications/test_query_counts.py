"""The periodical pages' queries are pinned and do not grow with the number of issues and entries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory, IssueEntryFactory, IssueFactory, PeriodicalFactory

pytestmark = pytest.mark.django_db

URLS = ["/publications/", "/publications/huikan/", "/publications/huikan/2026/1/", "/en/publications/huikan/2026/1/"]


def make_content(scale):
    periodical = PeriodicalFactory(slug="huikan") if scale == 1 else None
    from publications.models import Periodical

    periodical = periodical or Periodical.objects.get(slug="huikan")
    start = periodical.issues.count()
    for n in range(scale):
        issue = IssueFactory(periodical=periodical, year=2026, number=start + n + 1)
        for _ in range(scale):
            IssueEntryFactory(issue=issue, article=ArticleFactory())
    PeriodicalFactory.create_batch(scale)


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "url, expected",
    [
        ("/publications/", 3),  # periodicals with their newest issue's id and issue count, those issues, footer pages
        ("/publications/huikan/", 4),  # periodical, years, issues of the year, footer pages
        ("/publications/huikan/2026/1/", 5),  # issue with its periodical, contents with articles, newer, older, footer
    ],
)
def test_the_number_of_queries_is_pinned(client, django_assert_num_queries, url, expected):
    make_content(1)
    client.get(url)

    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", URLS)
def test_the_number_of_queries_does_not_grow_with_issues_and_entries(client, url):
    make_content(1)
    small = queries_for(client, url)

    make_content(8)
    large = queries_for(client, url)

    assert large == small
