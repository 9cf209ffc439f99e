"""Run by tests/core/test_toy_content_type.py in a process of its own, with tests.toy installed (tests/toy/settings.py).
Not collected by the suite itself (its name is not test_*.py)."""

import datetime

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.utils import timezone

from core import integrity
from core.groups import grant_group_permissions
from core.search import index, registry
from core.web import pagecache
from tests.toy.models import Policy

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def policy():
    return Policy.objects.create(
        title="关于加强城市更新工作的指导意见",
        body="推进老旧小区改造。",
        published_at=timezone.now() - datetime.timedelta(days=1),
    )


def test_its_list_and_detail_pages_are_served_in_every_language(client, policy):
    for prefix in ("", "/zh-hant", "/en"):
        listing = client.get(f"{prefix}/policies/")
        assert listing.status_code == 200
        assert f'href="{prefix}/policies/{policy.pk}/"' in listing.content.decode()
        assert client.get(f"{prefix}/policies/{policy.pk}/").status_code == 200


def test_a_policy_not_yet_published_is_not_found(client):
    later = Policy.objects.create(title="尚未发布", published_at=timezone.now() + datetime.timedelta(days=1))
    assert client.get(f"/policies/{later.pk}/").status_code == 404


def test_it_is_in_the_main_navigation_of_every_page(client):
    home = client.get("/").content.decode()
    assert '<a href="/policies/">政策文件</a>' in home
    assert 'href="/policies/" aria-current="page"' in client.get("/policies/").content.decode()


def test_the_site_search_finds_it_under_its_own_tab(client, policy):
    assert "policy" in registry.kind_names()
    index.rebuild()
    page = client.get("/search/", {"q": "城市更新"}).content.decode()
    assert f"/policies/{policy.pk}/" in page and "政策文件" in page


def test_the_sitemap_lists_it(client, policy):
    assert f"/policies/{policy.pk}/</loc>" in client.get("/sitemap.xml").content.decode()


def test_the_api_lists_it_and_its_schema_describes_it(client, policy):
    listing = client.get("/api/v1/policies/").json()
    assert [row["title"] for row in listing["results"]] == [policy.title]
    assert "/api/v1/policies/" in client.get("/api/v1/openapi.json").json()["paths"]


def test_a_change_to_it_invalidates_the_cached_pages(client, policy, settings):
    settings.PAGE_CACHE_SECONDS = 600
    pagecache._cache().clear()
    client.get("/policies/")
    assert client.get("/policies/")["X-Page-Cache"] == "hit"
    Policy.objects.create(title="第二份文件", published_at=timezone.now() - datetime.timedelta(hours=1))
    fresh = client.get("/policies/")
    assert "X-Page-Cache" not in fresh and "第二份文件" in fresh.content.decode()


def test_its_staff_group_gets_the_declared_permissions_as_a_data_migration_would_give_them():
    grant_group_permissions(apps, "toy")
    codenames = set(Group.objects.get(name="policy editors").permissions.values_list("codename", flat=True))
    assert codenames == {"view_policy", "add_policy", "change_policy", "delete_policy"}


def test_its_e_mail_kind_is_an_outbox_choice_without_a_migration_and_its_job_is_on_beats_schedule(policy):
    from core import registry
    from core.models import OutgoingEmail, PeriodicRun
    from tests.toy.tasks import announce_policies

    assert ("policy_notice", "政策文件通知") in OutgoingEmail._meta.get_field("kind").choices
    assert registry.beat_schedule()["policy-announcements"]["task"] == "tests.toy.tasks.announce_policies"
    announce_policies()
    mail = OutgoingEmail.objects.get(kind="policy_notice")
    assert mail.subject == policy.title and mail.get_kind_display() == "政策文件通知"
    assert PeriodicRun.objects.get(name="policy-announcements").summary == "1 announced"


def test_the_content_scan_reads_its_published_texts():
    assert Policy in [entry.model for entry in integrity._scanned]


def test_its_count_is_a_tile_on_the_admin_index(client, policy, django_user_model):
    admin = django_user_model.objects.create_superuser("toy-admin", "toy-admin@example.org", "x")
    client.force_login(admin)
    tiles = client.get("/admin/").context["dashboard_tiles"]
    assert [(tile.label, tile.count) for tile in tiles if tile.label == "已发布的政策文件"] == [("已发布的政策文件", 1)]
