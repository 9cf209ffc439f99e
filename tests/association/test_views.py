"""The public pages: they render in every language, with and without content, and link between languages."""

import pytest
from django.urls import reverse

from association.models import Branch
from tests.factories import BranchFactory, MandateFactory, PageFactory, TermFactory
from tests.html import parse

pytestmark = pytest.mark.django_db

LANGUAGES = [("", "zh-Hans"), ("/zh-hant", "zh-Hant"), ("/en", "en")]

PAGES = [
    "/",
    "/about/",
    "/about/leadership/",
    "/about/branches/",
    "/documents/",
    "/publications/",
    "/api/",
    "/subscribe/",
    "/contact/",
    "/news/",
    "/news/topics/",
    "/events/",
    "/members/",
    "/figures/",
    "/accounts/login/",
    "/search/",
    "/search/?q=城市",
]
DEMO_PAGES = [*PAGES, "/about/branches/women-mayors/", "/about/privacy/"]


def html_lang(response):
    return parse(response).find("html")["lang"]


@pytest.mark.parametrize("prefix, lang", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_every_public_page_renders_in_each_language_with_an_empty_database(client, prefix, lang, path):
    response = client.get(prefix + path)

    assert response.status_code == 200
    assert html_lang(response) == lang
    assert parse(response).find("h1") is not None


@pytest.mark.parametrize("prefix, lang", LANGUAGES)
@pytest.mark.parametrize("path", DEMO_PAGES)
def test_every_public_page_renders_in_each_language_with_demo_content(client, demo_data, prefix, lang, path):
    response = client.get(prefix + path)

    assert response.status_code == 200
    assert html_lang(response) == lang
    assert parse(response).find("h1") is not None


def test_demo_content_appears_on_the_pages_that_show_it(client, demo_data):
    assert "韦志宏" in client.get("/about/leadership/").content.decode()
    assert "女市长分会" in client.get("/about/branches/").content.decode()
    assert "覃海燕" in client.get("/about/branches/women-mayors/").content.decode()
    assert "广西市长协会章程" in client.get("/documents/").content.decode()


@pytest.mark.parametrize(
    "path, lang",
    [
        ("/no-such-page/", "zh-Hans"),
        ("/zh-hant/no-such-page/", "zh-Hant"),
        ("/en/no-such-page/", "en"),
        ("/about/branches/no-such-branch/", "zh-Hans"),
        ("/en/about/no-such-page/", "en"),
        ("/documents/999999/download/", "zh-Hans"),
    ],
)
def test_unknown_pages_are_404_with_the_sites_own_page_in_the_right_language(client, path, lang):
    response = client.get(path)

    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]
    tree = parse(response)
    assert tree.find("header", class_="site-header") is not None
    assert tree.find("nav", class_="main-nav") is not None
    assert html_lang(response) == lang


def test_an_inactive_branch_has_no_page(client):
    branch = BranchFactory(is_active=False)

    assert client.get(branch.get_absolute_url()).status_code == 404
    assert branch.name not in client.get(reverse("association:branch_list")).content.decode()


def test_the_branch_page_lists_its_council_in_order(client):
    branch = BranchFactory()
    term = TermFactory(body__branch=branch)
    second = MandateFactory(term=term, order=2, name="乙")
    first = MandateFactory(term=term, position=second.position, order=1, name="甲")

    content = client.get(branch.get_absolute_url()).content.decode()

    assert content.index(first.name) < content.index(second.name)


def test_branches_are_grouped_by_kind(client):
    BranchFactory(kind=Branch.Kind.WOMEN_MAYORS)
    BranchFactory(kind=Branch.Kind.INDUSTRY)

    response = client.get("/en/about/branches/")

    assert [label for label, _ in response.context["branch_groups"]] == [
        Branch.Kind.WOMEN_MAYORS.label,
        Branch.Kind.INDUSTRY.label,
    ]


def lang_switch_links(response):
    switch = parse(response).find("nav", class_="lang-switch")
    return {link["hreflang"]: link for link in switch.find_all("a")}


@pytest.mark.parametrize("prefix", ["", "/zh-hant", "/en"])
def test_the_language_switch_points_at_the_same_page_in_each_language(client, prefix):
    links = lang_switch_links(client.get(f"{prefix}/about/leadership/"))

    assert {tag: link["href"] for tag, link in links.items()} == {
        "zh-Hans": "/about/leadership/",
        "zh-Hant": "/zh-hant/about/leadership/",
        "en": "/en/about/leadership/",
    }
    current = [tag for tag, link in links.items() if link.get("aria-current")]
    assert current == [dict(LANGUAGES)[prefix]]


def test_the_language_switch_keeps_the_query_string(client):
    links = lang_switch_links(client.get("/zh-hant/documents/?kind=charter&year=2022"))

    assert links["zh-Hans"]["href"] == "/documents/?kind=charter&year=2022"
    assert links["en"]["href"] == "/en/documents/?kind=charter&year=2022"


def test_the_language_switch_keeps_the_slug_of_a_branch(client):
    BranchFactory(slug="beibu-gulf")

    links = lang_switch_links(client.get("/en/about/branches/beibu-gulf/"))

    assert links["zh-Hans"]["href"] == "/about/branches/beibu-gulf/"
    assert links["zh-Hant"]["href"] == "/zh-hant/about/branches/beibu-gulf/"


def test_a_query_string_cannot_inject_markup_through_the_language_links(client):
    response = client.get('/about/?x="><script>alert(1)</script>')

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_each_page_announces_its_other_languages_with_hreflang_links(client):
    tree = parse(client.get("/zh-hant/about/leadership/"))

    alternates = {link["hreflang"]: link["href"] for link in tree.find_all("link", rel="alternate")}
    assert alternates == {
        "zh-Hans": "http://testserver/about/leadership/",
        "zh-Hant": "http://testserver/zh-hant/about/leadership/",
        "en": "http://testserver/en/about/leadership/",
        "x-default": "http://testserver/about/leadership/",
    }


def test_the_branch_breadcrumb_is_labelled_and_marks_the_current_page(client):
    branch = BranchFactory(name="北部湾城市分会", name_en="Beibu Gulf Cities Branch")

    breadcrumb = parse(client.get(f"/en{branch.get_absolute_url()}")).find("nav", class_="breadcrumb")

    assert breadcrumb.get("aria-label")
    assert [link["href"] for link in breadcrumb.find_all("a")] == ["/en/", "/en/about/", "/en/about/branches/"]
    current = breadcrumb.find_all(aria_current=True)
    assert len(current) == 1
    assert current[0]["aria-current"] == "page"
    assert current[0].text == "Beibu Gulf Cities Branch"
    assert current[0].tag != "a"


MAIN_NAV = ["/", "/about/", "/news/", "/events/", "/members/", "/publications/", "/documents/", "/contact/"]


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_main_navigation_marks_the_section_of_the_current_page(client, demo_data, prefix):
    for path in MAIN_NAV:
        url = prefix + path
        nav = parse(client.get(url)).find("nav", class_="main-nav")
        links = nav.find_all("a")
        assert [link["href"] for link in links] == [prefix + p for p in MAIN_NAV]
        assert [link["href"] for link in links if link.get("aria-current") == "page"] == [url]


def test_pages_below_about_mark_about_in_the_main_navigation(client, demo_data):
    nav = parse(client.get("/about/branches/women-mayors/")).find("nav", class_="main-nav")

    assert [link["href"] for link in nav.find_all("a", aria_current="page")] == ["/about/"]


@pytest.mark.parametrize("slug", ["news", "events", "members", "documents"])
def test_a_page_whose_slug_names_another_section_marks_only_about_as_current(client, slug):
    PageFactory(slug=slug)

    nav = parse(client.get(f"/about/{slug}/")).find("nav", class_="main-nav")

    assert [link["href"] for link in nav.find_all("a", aria_current="page")] == ["/about/"]


def test_a_page_by_slug_shows_its_paragraphs(client, demo_data):
    tree = parse(client.get("/about/privacy/"))

    assert tree.find("h1").text == "个人信息保护说明"
    assert len(tree.find("div", class_="prose").find_all("p")) == 2


def test_footer_pages_are_linked_from_every_page(client, demo_data):
    footer = parse(client.get("/en/contact/")).find("footer")

    hrefs = [link["href"] for link in footer.find_all("a")]
    assert "/en/about/privacy/" in hrefs
    assert "/en/about/statement/" in hrefs


def test_the_sign_in_page_redirects_a_signed_in_user_home(client, user):
    client.force_login(user)

    response = client.get("/en/accounts/login/")

    assert response.status_code == 302
    assert response["Location"] == "/en/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, content_type", [("/favicon.ico", "image/x-icon"), ("/apple-touch-icon.png", "image/png")]
)
def test_browsers_find_the_icons_where_they_look_without_being_told(client, path, content_type):
    response = client.get(path)
    assert response.status_code == 200 and response["Content-Type"] == content_type
    assert b"".join(response).startswith(b"\x00\x00\x01\x00" if path.endswith(".ico") else b"\x89PNG")


@pytest.mark.django_db
def test_the_language_links_keep_a_chinese_query_intact(client):
    page = client.get("/search/", {"q": "南宁"}).content.decode()
    assert 'href="/en/search/?q=%E5%8D%97%E5%AE%81"' in page


@pytest.mark.django_db
def test_articles_events_and_documents_print_with_their_address_and_qr_code(client, demo_data):
    for url in ["/documents/"]:
        page = client.get(url).content.decode()
        assert "data-print" in page and 'class="print-source"' in page and "<svg" in page
        assert f"http://testserver{url}" in page
