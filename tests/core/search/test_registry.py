"""Each app registers its own searchable kinds; the search package names no domain model. A new kind of content
is one registration in its app: indexed on save, found, linked and counted in its own tab."""

import pytest
from django.utils.translation import gettext_lazy as _

from association.models import Document, Page
from core.search import index, registry
from core.search.models import SearchEntry
from core.search.sources import Item
from events.models import Event
from members.models import MemberCity
from news.models import Article
from publications.models import Issue


def test_the_apps_register_their_kinds_in_tab_order():
    assert [(kind.name, kind.model) for kind in registry.kinds()] == [
        ("article", Article),
        ("event", Event),
        ("city", MemberCity),
        ("issue", Issue),
        ("document", Document),
    ]
    assert registry.categorised().name == "article"


def page_item(page):
    return Item(key=page.slug, title=page.title, text=page.body, weighted=[("A", page.title), ("C", page.body)])


@pytest.fixture
def pages_are_searchable():
    registry.register(
        registry.SearchKind(
            name="page",
            label=_("Pages"),
            model=Page,
            position=50,
            item=page_item,
            queryset=lambda: Page.objects.all(),
            url=lambda key: f"/about/{key}/",
        )
    )
    yield
    if "page" in registry.kind_names():
        registry.unregister("page")


@pytest.mark.django_db
def test_a_new_kind_is_one_registration_indexed_found_linked_and_given_a_tab(client, pages_are_searchable):
    Page.objects.create(slug="statement", title="网站声明", body="联络员名录的使用说明")

    response = client.get("/search/", {"q": "联络员"})

    assert response.status_code == 200
    assert SearchEntry.objects.filter(kind="page", key="statement").exists()
    assert 'href="/about/statement/"' in response.content.decode()
    assert "?q=%E8%81%94%E7%BB%9C%E5%91%98&amp;kind=page" in response.content.decode()  # its tab
    assert index.rebuild()["page"] == 1


@pytest.mark.django_db
def test_after_unregistering_a_kind_its_saves_are_no_longer_indexed(pages_are_searchable):
    registry.unregister("page")
    Page.objects.create(slug="statement", title="网站声明", body="联络员")
    assert not SearchEntry.objects.filter(kind="page").exists()
