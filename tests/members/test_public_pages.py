"""The public member pages: directory with filters and totals, city pages, honours; no personal data anywhere."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from members.models import MemberCity
from news.models import Article
from tests.factories import (
    ArticleFactory,
    LiaisonAwardFactory,
    LiaisonOfficerFactory,
    MayorFactory,
    MemberCityFactory,
    RegionFactory,
)
from tests.html import parse

pytestmark = pytest.mark.django_db

LANGUAGES = [("", "zh-Hans"), ("/zh-hant", "zh-Hant"), ("/en", "en")]


@pytest.fixture
def directory(db):
    """Two regions; cities of both levels; one suspended (still a member) and one that left."""
    guangxi = RegionFactory(name="广西壮族自治区", name_en="Guangxi", order=1)
    guangdong = RegionFactory(name="广东省", name_en="Guangdong", order=2)
    cities = {
        "nanning": MemberCityFactory(
            slug="nanning", name="南宁市", name_en="Nanning", region=guangxi, population=300, area=200
        ),
        "dongxing": MemberCityFactory(
            slug="dongxing", name="东兴市", name_en="Dongxing", region=guangxi, level="county", population=20, area=50
        ),
        "zhanjiang": MemberCityFactory(
            slug="zhanjiang", name="湛江市", name_en="Zhanjiang", region=guangdong, population=100, area=300
        ),
        "sihui": MemberCityFactory(
            slug="sihui",
            name="四会市",
            name_en="Sihui",
            region=guangdong,
            level="county",
            status="suspended",
            population=40,
            area=100,
        ),
        "former": MemberCityFactory(
            slug="former", name="旧会员市", name_en="Formerton", region=guangxi, status="left", population=999, area=999
        ),
    }
    return {"guangxi": guangxi, "guangdong": guangdong, **cities}


def listed(response):
    """The slugs of the city cards on a directory page."""
    tree = parse(response)
    return {card.find("a")["href"].strip("/").split("/")[-1] for card in tree.find_all("li", class_="city-card")}


def test_the_directory_lists_member_cities_but_not_those_that_left(client, directory):
    response = client.get("/members/")

    assert response.status_code == 200
    assert listed(response) == {"nanning", "dongxing", "zhanjiang", "sihui"}


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"level": "county"}, {"dongxing", "sihui"}),
        ({"level": "prefecture"}, {"nanning", "zhanjiang"}),
        ({"q": "南宁"}, {"nanning"}),
        ({"q": "兴"}, {"dongxing"}),
        ({"q": "nanning"}, {"nanning"}),
        ({"q": "ZHAN"}, {"zhanjiang"}),
        ({"q": "  东兴 "}, {"dongxing"}),
        ({"q": "旧会员"}, set()),
        ({"q": "no such city"}, set()),
        ({"q": ""}, {"nanning", "dongxing", "zhanjiang", "sihui"}),
        ({"level": "", "region": ""}, {"nanning", "dongxing", "zhanjiang", "sihui"}),
    ],
)
def test_the_directory_filters_by_level_and_name(client, directory, query, expected):
    response = client.get("/members/", query)

    assert response.status_code == 200
    assert listed(response) == expected


def test_the_directory_filters_by_region_and_combines_filters(client, directory):
    guangxi, guangdong = directory["guangxi"].pk, directory["guangdong"].pk

    assert listed(client.get("/members/", {"region": guangxi})) == {"nanning", "dongxing"}
    assert listed(client.get("/members/", {"region": guangdong})) == {"zhanjiang", "sihui"}
    assert listed(client.get("/members/", {"region": guangdong, "level": "county"})) == {"sihui"}
    assert listed(client.get("/en/members/", {"region": guangxi, "q": "Dong"})) == {"dongxing"}


@pytest.mark.parametrize(
    "query",
    [
        {"region": "abc"},
        {"region": "999999"},
        {"region": "-1"},
        {"level": "x"},
        {"level": "left"},
        {"q": "长" * 101},
        {"region": "1.5", "level": "county"},
    ],
)
def test_bad_filter_values_give_400_and_list_nothing(client, directory, query):
    response = client.get("/members/", query)

    assert response.status_code == 400
    assert listed(response) == set()
    assert parse(response).find("p", class_="field-error") is not None


@pytest.mark.parametrize("page", ["abc", "0", "-1", "2", "1.5", ""])
def test_bad_page_numbers_are_404(client, directory, page):
    assert client.get("/members/", {"page": page}).status_code == 404


def test_the_directory_has_sixty_cities_a_page(client, directory):
    MemberCityFactory.create_batch(57, region=directory["guangxi"])

    assert len(listed(client.get("/members/"))) == 60
    assert len(listed(client.get("/members/", {"page": 2}))) == 1


def test_the_directory_shows_the_totals_of_member_cities(client, directory):
    tree = parse(client.get("/members/"))

    numbers = [span.text for span in tree.find("ul", class_="figures").find_all("span", class_="figures__number")]
    # cities, population (in 万), area (km²): the city that left is not counted
    assert numbers[0] == "4" and "460 万人" in numbers and "650" in numbers


def test_the_totals_count_every_member_whatever_the_filter(client, directory):
    tree = parse(client.get("/members/", {"level": "county"}))

    assert tree.find("span", class_="figures__number").text == "4"


def test_a_city_page_shows_the_city_and_its_current_mayor_only(client, directory):
    city = directory["nanning"]
    MayorFactory(city=city, name="前任市长", term_start=datetime.date(2016, 3, 1), term_end=datetime.date(2021, 12, 31))
    MayorFactory(city=city, name="现任市长", term_start=datetime.date(2022, 1, 10))

    response = client.get("/members/nanning/")

    assert response.status_code == 200
    assert response.context["current_mayor"].name == "现任市长"
    html = response.content.decode()
    assert "现任市长" in html and "前任市长" not in html
    assert parse(response).find("h1").text == "南宁市"


def test_a_mayor_whose_term_ends_in_the_future_is_the_current_mayor(client, directory):
    city = directory["nanning"]
    MayorFactory(city=city, name="前任市长", term_start=datetime.date(2016, 3, 1), term_end=datetime.date(2021, 12, 31))
    MayorFactory(
        city=city,
        name="现任市长",
        term_start=datetime.date(2022, 1, 10),
        term_end=timezone.localdate() + datetime.timedelta(days=700),
    )

    response = client.get("/members/nanning/")

    assert response.context["current_mayor"] is not None
    assert response.context["current_mayor"].name == "现任市长"


def test_a_city_without_a_current_mayor_shows_none(client, directory):
    MayorFactory(
        city=directory["nanning"],
        name="前任市长",
        term_start=datetime.date(2016, 3, 1),
        term_end=datetime.date(2021, 12, 31),
    )

    response = client.get("/members/nanning/")

    assert response.context["current_mayor"] is None
    assert "前任市长" not in response.content.decode()


@pytest.mark.parametrize("slug", ["former", "no-such-city"])
def test_cities_that_left_and_unknown_cities_are_404(client, directory, slug):
    assert client.get(f"/members/{slug}/").status_code == 404


def article(category, title, cities=(), **fields):
    """A published article in `category` (the shared fixture of tests/conftest.py) about `cities`."""
    fields.setdefault("status", Article.Status.PUBLISHED)
    return ArticleFactory(title=title, category=category, body="<p>正文</p>", related_cities=cities, **fields)


def test_a_city_page_lists_the_published_news_about_the_city_only(client, directory, category):
    nanning = directory["nanning"]
    about = article(category, "南宁市举办城市更新论坛", [nanning])
    article(category, "南宁草稿稿件", [nanning], status=Article.Status.DRAFT)
    article(category, "南宁待审稿件", [nanning], status=Article.Status.REVIEW)
    article(category, "南宁定时稿件", [nanning], publish_at=timezone.now() + datetime.timedelta(days=1))
    article(category, "湛江新闻", [directory["zhanjiang"]])

    response = client.get("/members/nanning/")

    assert list(response.context["news"]) == [about]
    html = response.content.decode()
    assert parse(response).find("a", href=f"/news/{about.pk}/") is not None
    for hidden in ("南宁草稿稿件", "南宁待审稿件", "南宁定时稿件", "湛江新闻"):
        assert hidden not in html


def test_the_honours_page_groups_awards_by_year_newest_first(client, directory):
    people = {
        name: LiaisonOfficerFactory(city=directory[slug], name=name, position="副秘书长")
        for name, slug in (("甲联络员", "nanning"), ("乙联络员", "zhanjiang"), ("丙联络员", "dongxing"))
    }
    LiaisonAwardFactory(officer=people["甲联络员"], year=2023)
    LiaisonAwardFactory(officer=people["甲联络员"], year=2025)
    LiaisonAwardFactory(officer=people["乙联络员"], year=2025)
    LiaisonAwardFactory(officer=people["丙联络员"], year=2024)

    response = client.get("/members/honours/")

    assert response.status_code == 200
    assert [(year, sorted(a.officer.name for a in awards)) for year, awards in response.context["years"]] == [
        (2025, ["乙联络员", "甲联络员"]),
        (2024, ["丙联络员"]),
        (2023, ["甲联络员"]),
    ]
    section = parse(response).find("section", class_="content")
    headings = section.find_all("h2")
    tables = section.find_all("table")
    assert [re.search(r"\d{4}", h.text).group() for h in headings] == ["2025", "2024", "2023"]
    assert ["甲联络员" in t.text and "乙联络员" in t.text for t in tables] == [True, False, False]
    assert "丙联络员" in tables[1].text and "甲联络员" in tables[2].text
    assert tables[0].find("a", href="/members/nanning/") is not None


def test_the_honours_page_links_only_to_city_pages_that_exist(client, directory):
    for slug in ("nanning", "former"):
        LiaisonAwardFactory(officer=LiaisonOfficerFactory(city=directory[slug]), year=2019)

    response = client.get("/members/honours/")

    links = [a["href"] for a in parse(response).find("section", class_="content").find_all("a")]
    assert "/members/nanning/" in links
    for href in links:
        assert client.get(href).status_code == 200, href


def test_the_honours_page_renders_with_no_awards(client, db):
    response = client.get("/members/honours/")

    assert response.status_code == 200
    assert parse(response).find("table") is None


@pytest.mark.parametrize("prefix, lang", LANGUAGES)
@pytest.mark.parametrize("path", ["/members/", "/members/nanning/", "/members/honours/", "/members/?level=county"])
def test_every_member_page_renders_in_each_language(client, directory, prefix, lang, path):
    LiaisonAwardFactory(officer=LiaisonOfficerFactory(city=directory["nanning"]))
    MayorFactory(city=directory["nanning"])

    response = client.get(prefix + path)

    assert response.status_code == 200
    tree = parse(response)
    assert tree.find("html")["lang"] == lang
    assert len(tree.find_all("h1")) == 1


SECRETS = {
    "office_phone": "0771-8642 9753",
    "mobile": "13987654321",
    "email": "zx.private.mailbox@secret-liaison.example.cn",
}


@pytest.fixture
def officers_with_secrets(directory, category):
    """Officers whose contact details and account names are distinctive strings, with honours and news."""
    secrets = []
    for n, slug in enumerate(("nanning", "dongxing", "zhanjiang", "sihui", "former")):
        officer = LiaisonOfficerFactory(
            city=directory[slug],
            name=f"公开姓名{n}",
            user__username=f"acct-zq{n}x7",
            office_phone=f"{SECRETS['office_phone']}{n}",
            mobile=f"{SECRETS['mobile'][:-1]}{n}",
            email=f"{n}.{SECRETS['email']}",
        )
        LiaisonAwardFactory(officer=officer, year=2020 + n)
        article(category, f"{directory[slug].name}联络工作交流", [directory[slug]], source="秘书处")
        secrets += [
            officer.office_phone,
            officer.mobile,
            officer.email,
            officer.user.username,
            officer.email.split("@")[0],
        ]
    return secrets


PUBLIC_PATHS = [
    "/",
    "/members/",
    "/members/honours/",
    "/news/",
    "/news/feed/",
    "/news/atom/",
    "/members/?q=公开姓名",
    "/about/",
    "/contact/",
]


@pytest.mark.parametrize("prefix", [prefix for prefix, _lang in LANGUAGES])
def test_no_personal_data_of_officers_on_any_public_page_or_feed(client, officers_with_secrets, prefix):
    paths = PUBLIC_PATHS + [city.get_absolute_url() for city in MemberCity.objects.members()]
    for path in paths:
        url = prefix + path
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        for secret in officers_with_secrets:
            assert secret not in body, f"{secret} on {url}"
        assert "secret-liaison" not in body, url


def test_no_personal_data_in_the_sitemap_or_robots(client, officers_with_secrets, directory):
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    body = sitemap.content.decode()
    assert "/members/nanning/" in body and "/en/members/nanning/" in body
    assert "/members/former/" not in body
    for response in (sitemap, client.get("/robots.txt")):
        for secret in officers_with_secrets:
            assert secret not in response.content.decode()


def test_the_honours_page_shows_the_published_facts_only(client, officers_with_secrets):
    body = client.get("/en/members/honours/").content.decode()

    assert "公开姓名0" in body  # name, city and position are published
    assert "市人民政府副秘书长" in body
    for secret in officers_with_secrets:
        assert secret not in body


def queries_for(client, url):
    client.get(url)  # the association profile is cached from the first request on
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def make_members(scale, category):
    """`scale` cities, each with two mayors, two officers, an award per officer and a related article."""
    region = RegionFactory(name="广西壮族自治区")
    for city in MemberCityFactory.create_batch(scale, region=region):
        MayorFactory(city=city, term_start=datetime.date(2016, 1, 1), term_end=datetime.date(2021, 1, 1))
        MayorFactory(city=city)
        for officer in (LiaisonOfficerFactory(city=city), LiaisonOfficerFactory(city=city, deputy=True)):
            LiaisonAwardFactory(officer=officer, year=2020 + officer.pk % 5)
        article(category, f"{city.name}新闻", [city, MemberCity.objects.first()])


MEMBER_PAGES = [
    # totals, counts by membership level, count for the paginator, regions for the filter, the cities on the map,
    # footer pages (the page of cities is drawn from the cache on the second visit)
    ("/members/", 6),
    ("/members/?level=prefecture&q=城市", 6),
    # the city with its region, its mayors, its news, the meetings it attended and hosted, footer pages
    ("first-city", 6),
    # awards with officer and city, footer pages
    ("/members/honours/", 2),
]


def resolve(url):
    return MemberCity.objects.order_by("pk").first().get_absolute_url() if url == "first-city" else url


@pytest.mark.parametrize("url, expected", MEMBER_PAGES)
def test_the_number_of_queries_of_a_member_page_is_pinned(client, category, django_assert_num_queries, url, expected):
    make_members(3, category)
    url = resolve(url)
    client.get(url)

    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", [url for url, _expected in MEMBER_PAGES])
def test_the_number_of_queries_does_not_grow_with_ten_times_more_members(client, category, url):
    make_members(3, category)
    small = queries_for(client, resolve(url))

    make_members(30, category)

    assert queries_for(client, resolve(url)) == small


def test_the_directory_draws_a_new_city_at_once(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        MemberCityFactory(name="先到市")
    assert "先到市" in client.get("/members/").content.decode()  # the cards are now kept

    with django_capture_on_commit_callbacks(execute=True):
        MemberCityFactory(name="后来市")

    assert "后来市" in client.get("/members/").content.decode()
