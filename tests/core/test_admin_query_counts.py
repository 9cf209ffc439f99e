"""Every admin change list costs the same number of queries with two items as with six: plain, searched, and
filtered by each filter's first choice. The figures at 100,000 articles and 50,000 delegations are
tools/bench_admin.py's (`make bench`)."""

import inspect
import re
from html import unescape

import factory
import pytest
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from taggit.models import Tag

import tests.factories as factories
from association.models import Association
from insight.models import CityEngagement

pytestmark = pytest.mark.django_db

FILTER_BLOCK = re.compile(r'<details data-filter-title="[^"]*"[^>]*>(.*?)</details>', re.S)
FILTER_LINK = re.compile(r'<li(?: class="selected")?>\s*<a href="(\?[^"]*)"')
FACTORIES = {
    candidate._meta.model: candidate.create_batch
    for candidate in vars(factories).values()
    if inspect.isclass(candidate) and issubclass(candidate, factory.django.DjangoModelFactory)
}
FACTORIES[CityEngagement] = factories.MemberCityFactory.create_batch  # a proxy: the cities seen another way
SERIAL = iter(range(10**6))
FACTORIES[Group] = lambda n: [Group.objects.create(name=f"组{next(SERIAL)}") for _ in range(n)]
FACTORIES[Tag] = lambda n: [
    Tag.objects.create(name=f"标签{next(SERIAL)}", slug=f"tag-{next(SERIAL)}") for _ in range(n)
]
FACTORIES[AccessAttempt] = lambda n: [
    AccessAttempt.objects.create(username=f"someone{next(SERIAL)}", ip_address="192.0.2.1", failures_since_start=3)
    for _ in range(n)
]
ONE_ROW = {Association}  # the association itself: a single row by design


def registered_models():
    return sorted(admin.site._registry, key=lambda model: model._meta.label)


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response.content.decode()


def addresses(client, model):
    """The change list, its search, its date hierarchy and each filter's first choice."""
    model_admin = admin.site._registry[model]
    changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    urls = [changelist]
    if model_admin.search_fields:
        urls.append(f"{changelist}?q=城市")
    _count, page = queries_for(client, changelist)
    for block in FILTER_BLOCK.findall(page):
        choices = FILTER_LINK.findall(block)
        if len(choices) > 1:
            urls.append(changelist + unescape(choices[1]))
    return urls


@pytest.mark.parametrize("model", registered_models(), ids=lambda model: model._meta.label)
def test_a_change_list_costs_the_same_with_more_items(admin_client, model):
    if model in ONE_ROW:
        pytest.skip(f"{model._meta.label} has a single row by design")
    FACTORIES[model](2)
    urls = addresses(admin_client, model)
    before = {url: queries_for(admin_client, url)[0] for url in urls}
    FACTORIES[model](4)
    after = {url: queries_for(admin_client, url)[0] for url in urls}
    assert after == before
