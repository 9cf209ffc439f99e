"""The back office: the dashboard, what each staff group may open, and checks on uploads."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from association.models import Association, Document
from core.groups import _codenames, group_permissions
from tests.factories import (
    PDF_BYTES,
    AssociationFactory,
    BranchFactory,
    DocumentFactory,
    MandateFactory,
)
from tests.html import parse

pytestmark = pytest.mark.django_db


def changelist(model):
    return reverse(f"admin:association_{model}_changelist")


def test_the_admin_index_shows_the_dashboard_tiles_to_a_superuser(client, superuser):
    DocumentFactory(issued_on=timezone.localdate())
    BranchFactory.create_batch(2)
    MandateFactory()
    client.force_login(superuser)

    response = client.get(reverse("admin:index"))

    assert response.status_code == 200
    tiles = parse(response).find("section", class_="dashboard-tiles")
    counts = {link["href"]: link.find("span", class_="dashboard-tile__count").text for link in tiles.find_all("a")}
    articles = reverse("admin:news_article_changelist")
    assert counts == {
        changelist("document"): "1",
        changelist("branch"): "2",
        reverse("admin:governance_mandate_changelist"): "1",
        reverse("admin:governance_motion_changelist") + "?state__exact=open": "0",
        f"{articles}?status__exact=review": "0",
        f"{articles}?status__exact=draft": "0",
        reverse("admin:members_membercity_changelist"): "0",
        reverse("admin:members_liaisonofficer_changelist"): "0",
        reverse("admin:events_delegation_changelist") + "?state__exact=pending": "0",
        reverse("admin:events_event_changelist"): "0",
        reverse("admin:subscriptions_subscriber_changelist") + "?state__exact=active": "0",
        reverse("admin:membership_application_changelist") + "?open=yes": "0",
        reverse("admin:membership_duesnotice_changelist"): "0",
        reverse("admin:membership_arrears"): "0",
    }


def test_the_admin_index_sends_anonymous_visitors_to_the_admin_sign_in(client):
    response = client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_a_signed_in_user_who_is_not_staff_cannot_enter_the_admin(client, liaison_officer):
    client.force_login(liaison_officer)

    response = client.get(changelist("document"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def app_list(response):
    return {
        app["app_label"]: sorted(model["object_name"] for model in app["models"])
        for app in response.context["app_list"]
    }


def test_a_news_editor_works_on_documents_and_pages_only(client, news_editor):
    client.force_login(news_editor)

    index = client.get(reverse("admin:index"))

    assert index.status_code == 200
    assert app_list(index) == {
        "association": ["Document", "Page"],
        "core": ["BlockedTerm"],  # to see which words are refused, not to change them
        "insight": ["WorkReport"],  # the annual work report, drafted as an article
        "news": ["Article", "Category", "Topic"],
        "publications": ["Issue", "Periodical"],
        "taggit": ["Tag"],
    }
    hrefs = [link["href"] for link in parse(index).find_all("a")]
    assert changelist("branch") not in hrefs
    assert reverse("admin:governance_mandate_changelist") not in hrefs
    assert not [href for href in hrefs if "/members/" in href or "/events/" in href]
    tiles = parse(index).find("section", class_="dashboard-tiles")
    articles = reverse("admin:news_article_changelist")
    assert [link["href"] for link in tiles.find_all("a")] == [
        changelist("document"),
        f"{articles}?status__exact=review",
        f"{articles}?status__exact=draft",
    ]


@pytest.mark.parametrize(
    "model, status",
    [("document", 200), ("page", 200), ("branch", 403), ("association", 403)],
)
def test_what_a_news_editor_may_open(client, news_editor, model, status):
    client.force_login(news_editor)

    assert client.get(changelist(model)).status_code == status


@pytest.mark.parametrize(
    "model, status",
    [("branch", 200), ("document", 403), ("page", 403)],
)
def test_what_a_membership_manager_may_open(client, membership_manager, model, status):
    client.force_login(membership_manager)

    assert client.get(changelist(model)).status_code == status


def test_a_news_editor_cannot_delete_documents(client, news_editor):
    document = DocumentFactory()
    client.force_login(news_editor)

    response = client.post(reverse("admin:association_document_delete", args=[document.pk]), {"post": "yes"})

    assert response.status_code == 403
    assert Document.objects.filter(pk=document.pk).exists()


@pytest.mark.parametrize("group_name", sorted(group_permissions()))
def test_the_staff_groups_exist_after_migrations_with_their_permissions(group_name):
    group = Group.objects.get(name=group_name)

    expected = {
        (app_label, codename)
        for app_label, models in group_permissions()[group_name].items()
        for model, actions in models.items()
        for codename in _codenames(model, actions)
    }
    granted = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert granted == expected


def test_the_liaison_officers_group_may_download_members_only_documents_and_nothing_else():
    codenames = Group.objects.get(name="liaison officers").permissions.values_list("codename", flat=True)

    assert list(codenames) == ["view_members_only_document"]
    assert Permission.objects.filter(codename="view_members_only_document").count() == 1


def document_form(file, **extra):
    return {
        "title": "2025年工作报告",
        "kind": "report",
        "issued_on": "2025-04-24",
        "description": "",
        "visibility": "public",
        "file": file,
        **extra,
    }


def test_the_document_form_rejects_a_fake_pdf_and_creates_nothing(client, superuser, isolated_storage):
    client.force_login(superuser)

    response = client.post(
        reverse("admin:association_document_add"),
        document_form(SimpleUploadedFile("report.pdf", b"this is plain text, not a PDF")),
    )

    assert response.status_code == 200
    assert "file" in response.context["adminform"].form.errors
    assert parse(response).find(class_="errorlist") is not None
    assert not Document.objects.exists()
    private = isolated_storage / "private"
    assert not private.exists() or not any(path.is_file() for path in private.rglob("*"))


def test_the_document_form_accepts_a_real_pdf(client, news_editor):
    client.force_login(news_editor)

    response = client.post(
        reverse("admin:association_document_add"), document_form(SimpleUploadedFile("report.pdf", PDF_BYTES))
    )

    assert response.status_code == 302
    document = Document.objects.get()
    assert document.file_size == len(PDF_BYTES)
    assert document.file.read() == PDF_BYTES


def test_editing_a_document_without_a_new_file_keeps_its_file(client, news_editor):
    document = DocumentFactory(title="旧标题", issued_on=datetime.date(2025, 4, 24), kind="report")
    name = document.file.name
    client.force_login(news_editor)

    response = client.post(
        reverse("admin:association_document_change", args=[document.pk]), document_form("", title="新标题")
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "新标题"
    assert document.file.name == name


def test_the_association_admin_allows_one_profile_and_no_deletion(client, superuser):
    profile = AssociationFactory()
    client.force_login(superuser)

    assert client.get(reverse("admin:association_association_add")).status_code == 403
    assert client.get(reverse("admin:association_association_delete", args=[profile.pk])).status_code == 403
    assert client.get(reverse("admin:association_association_change", args=[profile.pk])).status_code == 200
    assert Association.objects.count() == 1


def test_the_first_association_profile_can_be_added(client, superuser):
    client.force_login(superuser)

    assert client.get(reverse("admin:association_association_add")).status_code == 200
