"""The URLs machines read: /healthz, /robots.txt and /sitemap.xml."""

import xml.etree.ElementTree as ET
from urllib.robotparser import RobotFileParser

import pytest

from tests.factories import BranchFactory, DocumentFactory, PageFactory

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_healthz_answers_200_json_after_a_database_round_trip(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_down(client, database_down):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["status"] == "error"


def test_healthz_accepts_only_get(client):
    assert client.post("/healthz").status_code == 405


def robots(client):
    response = client.get("/robots.txt")
    parser = RobotFileParser()
    parser.parse(response.content.decode().splitlines())
    return response, parser


def test_robots_txt_keeps_crawlers_out_of_the_back_office_and_points_at_the_sitemap(client):
    response, parser = robots(client)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert not parser.can_fetch("*", "http://testserver/admin/")
    assert not parser.can_fetch("*", "http://testserver/accounts/login/")
    assert parser.can_fetch("*", "http://testserver/about/leadership/")
    assert parser.site_maps() == ["http://testserver/sitemap.xml"]


@pytest.mark.parametrize("prefix", ["/zh-hant", "/en"])
def test_robots_txt_keeps_crawlers_out_of_the_back_office_in_every_language(client, prefix):
    # The admin and the accounts pages are inside i18n_patterns, so they also answer under each prefix.
    assert client.get(f"{prefix}/admin/login/").status_code == 200
    _response, parser = robots(client)

    assert not parser.can_fetch("*", f"http://testserver{prefix}/admin/")
    assert not parser.can_fetch("*", f"http://testserver{prefix}/accounts/login/")
    assert parser.can_fetch("*", f"http://testserver{prefix}/about/leadership/")


@pytest.fixture
def sitemap(client, demo_data):
    branch = BranchFactory(slug="test-branch")
    page = PageFactory(slug="history")
    secret = DocumentFactory(members_only=True, title="仅限联络员的文件")
    response = client.get("/sitemap.xml")
    return {"response": response, "branch": branch, "page": page, "secret": secret}


def entries(response):
    root = ET.fromstring(response.content)
    return {
        url.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link[@rel='alternate']")
        }
        for url in root.findall(f"{SITEMAP}url")
    }


def test_the_sitemap_lists_the_pages_in_every_language_with_hreflang_alternates(sitemap):
    assert sitemap["response"].status_code == 200
    urls = entries(sitemap["response"])

    for path in ["/", "/about/leadership/", "/documents/", "/about/branches/test-branch/", "/about/history/"]:
        alternates = {
            "zh-hans": f"http://testserver{path}",
            "zh-hant": f"http://testserver/zh-hant{path}",
            "en": f"http://testserver/en{path}",
            "x-default": f"http://testserver{path}",
        }
        for location in ["zh-hans", "zh-hant", "en"]:
            assert urls[alternates[location]] == alternates


def test_the_sitemap_lists_no_document_downloads_and_no_members_only_document(sitemap):
    content = sitemap["response"].content.decode()

    assert "/download/" not in content
    assert sitemap["secret"].get_download_url() not in content
    assert sitemap["secret"].title not in content


def test_the_sitemap_does_not_list_the_about_and_contact_pages_twice(sitemap):
    urls = entries(sitemap["response"])

    assert "http://testserver/about/about/" not in urls
    assert "http://testserver/about/contact/" not in urls
    assert "http://testserver/contact/" in urls


def test_the_sitemap_leaves_out_inactive_branches(client):
    BranchFactory(slug="closed", is_active=False)

    assert "/about/branches/closed/" not in client.get("/sitemap.xml").content.decode()
