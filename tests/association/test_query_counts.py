"""A page's number of SQL queries is pinned and does not grow with the number of items on it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import Article, Category
from tests.factories import (
    BranchFactory,
    DocumentFactory,
    MandateFactory,
    PageFactory,
    PositionFactory,
    TermFactory,
)

pytestmark = pytest.mark.django_db


def make_content(scale):
    """`scale` of everything the association pages show, with current and past leaders in each position."""
    positions = PositionFactory.create_batch(3)
    term = TermFactory()
    past_term = TermFactory(body=term.body, starts_on="2015-01-01", ends_on="2019-12-31")
    for position in positions:
        MandateFactory.create_batch(scale, position=position, term=term)
        MandateFactory(position=position, term=past_term)
    for branch in BranchFactory.create_batch(scale):
        MandateFactory.create_batch(2, term__body__branch=branch)
    DocumentFactory.create_batch(scale)
    DocumentFactory.create_batch(scale, members_only=True)
    PageFactory.create_batch(2, show_in_footer=True)
    column, _ = Category.objects.get_or_create(
        slug="association-news", defaults={"name": "协会动态", "show_on_home": True}
    )
    sub, _ = Category.objects.get_or_create(slug="liaison-work", defaults={"name": "联络工作", "parent": column})
    for n in range(scale):
        for category in (column, sub):
            Article.objects.create(
                title=f"新闻{n}", category=category, status=Article.Status.PUBLISHED, pinned=n % 2 == 0
            )


def queries_for(client, url):
    client.get(url)  # the association profile is cached from the first request on
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "url, expected",
    [
        # president, documents, branches, footer pages, headlines, categories, one query per home-page column
        # (one here), latest news, upcoming events; the figures' four counts are cached from the first request
        ("/", 9),
        # count, years, the page of documents, footer pages
        ("/documents/", 4),
        # current leaders (with positions and terms), past leaders, the association's bodies, footer pages
        ("/about/leadership/", 4),
        # branches, footer pages
        ("/about/branches/", 2),
    ],
)
def test_the_number_of_queries_of_a_page_is_pinned(client, django_assert_num_queries, url, expected):
    make_content(scale=3)
    client.get(url)

    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


def test_the_first_request_loads_the_association_profile_once_then_it_is_cached(client, django_assert_num_queries):
    make_content(scale=1)

    with django_assert_num_queries(3):
        client.get("/about/branches/")  # the profile, branches, footer pages
    with django_assert_num_queries(2):
        client.get("/about/branches/")


@pytest.mark.parametrize(
    "url",
    ["/", "/about/", "/about/leadership/", "/about/branches/", "/documents/", "/en/documents/?kind=regulation"],
)
def test_the_number_of_queries_does_not_grow_with_ten_times_more_content(client, url):
    make_content(scale=2)
    small = queries_for(client, url)

    make_content(scale=20)
    large = queries_for(client, url)

    assert large == small


def test_the_branch_page_makes_the_same_queries_for_a_large_council(client):
    branch = BranchFactory()
    term = TermFactory(body__branch=branch)
    MandateFactory.create_batch(2, term=term)
    small = queries_for(client, branch.get_absolute_url())

    MandateFactory.create_batch(30, term=term)
    MandateFactory.create_batch(5, term__body__branch=branch, term__body__kind="committee")

    assert queries_for(client, branch.get_absolute_url()) == small


@pytest.mark.parametrize("reader", ["staff_user", "liaison_officer"])
def test_signed_in_readers_pages_do_not_grow_either(client, request, reader):
    client.force_login(request.getfixturevalue(reader))
    make_content(scale=2)
    small = [queries_for(client, url) for url in ("/", "/documents/")]

    make_content(scale=20)

    assert [queries_for(client, url) for url in ("/", "/documents/")] == small
