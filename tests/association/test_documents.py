"""The documents page: filters, pagination, and who may see and download members-only files."""

import datetime
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone

from association.models import Document
from tests.factories import PDF_BYTES, DocumentFactory
from tests.html import parse

pytestmark = pytest.mark.django_db

LIST_URL = "/documents/"


def listed(response):
    """The download URLs of the documents in the table, in order."""
    table = parse(response).find("table", class_="documents")
    return [] if table is None else [link["href"] for link in table.find_all("a")]


@pytest.fixture
def documents(db):
    return {
        "charter_2022": DocumentFactory(kind=Document.Kind.CHARTER, issued_on=datetime.date(2022, 11, 8)),
        "report_2024": DocumentFactory(kind=Document.Kind.WORK_REPORT, issued_on=datetime.date(2024, 4, 18)),
        "report_2025": DocumentFactory(kind=Document.Kind.WORK_REPORT, issued_on=datetime.date(2025, 4, 24)),
        "rules_2025": DocumentFactory(kind=Document.Kind.REGULATION, issued_on=datetime.date(2025, 3, 15)),
        "internal": DocumentFactory(
            members_only=True, kind=Document.Kind.WORK_REPORT, issued_on=datetime.date(2025, 1, 12)
        ),
    }


def urls(*documents):
    return [document.get_download_url() for document in documents]


def test_public_documents_are_listed_newest_first(client, documents):
    response = client.get(LIST_URL)

    assert response.status_code == 200
    d = documents
    assert listed(response) == urls(d["report_2025"], d["rules_2025"], d["report_2024"], d["charter_2022"])


def test_documents_filter_by_kind(client, documents):
    response = client.get(LIST_URL, {"kind": "report"})

    assert listed(response) == urls(documents["report_2025"], documents["report_2024"])


def test_documents_filter_by_year(client, documents):
    response = client.get(LIST_URL, {"year": "2025"})

    assert listed(response) == urls(documents["report_2025"], documents["rules_2025"])


def test_documents_filter_by_kind_and_year_together(client, documents):
    response = client.get(LIST_URL, {"kind": "report", "year": "2024"})

    assert listed(response) == urls(documents["report_2024"])


def test_the_year_filter_offers_only_years_with_visible_documents(client, documents):
    DocumentFactory(members_only=True, issued_on=datetime.date(2019, 5, 1))

    select = parse(client.get(LIST_URL)).find("select", id="id_year")

    assert [option["value"] for option in select.find_all("option")] == ["", "2025", "2024", "2022"]


def test_a_filter_that_matches_nothing_is_not_an_error(client, documents):
    response = client.get(LIST_URL, {"kind": "speech"})

    assert response.status_code == 200
    assert listed(response) == []
    assert parse(response).find("p", class_="empty-state") is not None


@pytest.mark.parametrize(
    "query",
    [
        {"kind": "zzz"},
        {"year": "abc"},
        {"year": "99999"},
        {"year": "1979"},
        {"year": "-1"},
        {"kind": "report", "year": "2025.5"},
    ],
)
def test_bad_filter_values_are_a_400_with_a_message_and_no_documents(client, documents, query):
    response = client.get(LIST_URL, query)

    assert response.status_code == 400
    assert listed(response) == []
    tree = parse(response)
    errors = tree.find_all(class_="field-error")
    assert errors and all(error.get("role") == "alert" and error.text for error in errors)
    assert tree.find("p", class_="empty-state") is not None


def test_next_year_is_a_valid_filter(client, documents):
    next_year = timezone.localdate().year + 1

    assert client.get(LIST_URL, {"year": str(next_year)}).status_code == 200


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "1.5", ""])
def test_a_page_number_that_is_not_a_page_is_404_never_500(client, documents, page):
    response = client.get(LIST_URL, {"page": page})

    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]


def test_long_lists_are_paginated_and_pages_keep_the_filter(client):
    DocumentFactory.create_batch(25, kind=Document.Kind.FORM)
    DocumentFactory(kind=Document.Kind.CHARTER)

    first = client.get(LIST_URL, {"kind": "form"})
    second = client.get(LIST_URL, {"kind": "form", "page": "2"})

    assert len(listed(first)) == 20
    assert len(listed(second)) == 5
    pagination = parse(first).find("nav", class_="pagination")
    assert pagination.find("a", rel="next")["href"] == "?kind=form&page=2"
    assert pagination.find(aria_current="page").text == "1"


def test_members_only_documents_are_hidden_from_anonymous_visitors(client, documents):
    response = client.get(LIST_URL)

    assert documents["internal"].get_download_url() not in listed(response)
    assert documents["internal"].title not in response.content.decode()
    assert parse(response).find("p", class_="note").find("a")["href"] == reverse("login")


def test_members_only_documents_are_hidden_from_a_user_without_permission(client, documents, user):
    client.force_login(user)

    assert documents["internal"].get_download_url() not in listed(client.get(LIST_URL))


@pytest.mark.parametrize("reader", ["staff_user", "liaison_officer"])
def test_members_only_documents_are_listed_for_staff_and_liaison_officers(client, documents, reader, request):
    client.force_login(request.getfixturevalue(reader))

    response = client.get(LIST_URL)

    assert documents["internal"].get_download_url() in listed(response)
    assert parse(response).find("p", class_="note") is None


def test_members_only_documents_are_not_on_the_home_page_for_anonymous_visitors(client, documents):
    assert documents["internal"].get_download_url() not in client.get("/").content.decode()


def test_downloading_a_members_only_document_anonymously_redirects_to_sign_in(client, documents):
    url = "/en" + documents["internal"].get_download_url()

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={quote(url)}"


def test_downloading_a_members_only_document_without_permission_is_404(client, documents, user):
    client.force_login(user)

    response = client.get(documents["internal"].get_download_url())

    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]


@pytest.mark.parametrize("reader", ["staff_user", "liaison_officer"])
def test_staff_and_liaison_officers_download_members_only_documents_privately(client, documents, reader, request):
    client.force_login(request.getfixturevalue(reader))

    response = client.get(documents["internal"].get_download_url())

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert "public" not in cache_control


def test_a_public_document_downloads_as_an_attachment_named_after_its_title(client):
    document = DocumentFactory(title="章程")

    response = client.get(document.get_download_url())

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''%E7%AB%A0%E7%A8%8B.pdf"
    assert "public" in response["Cache-Control"]


def test_a_document_whose_file_is_missing_is_404_not_500(client):
    document = DocumentFactory()
    document.file.storage.delete(document.file.name)

    assert client.get(document.get_download_url()).status_code == 404


def test_a_members_only_file_is_not_reachable_under_the_media_url(client, documents, settings):
    document = documents["internal"]

    assert client.get(f"/{settings.MEDIA_URL}{document.file.name}").status_code == 404
