"""/api/v1/: what it returns and what it never does, its languages, pages, caching headers and limit."""

import datetime
import json

import pytest
from django.utils import timezone

from news.models import Category
from tests.factories import (
    AgendaItemFactory,
    ArticleFactory,
    CategoryFactory,
    DocumentFactory,
    EventFactory,
    IssueEntryFactory,
    IssueFactory,
    LiaisonOfficerFactory,
    MemberCityFactory,
    PeriodicalFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db


def get(client, url, **extra):
    response = client.get(url, **extra)
    return response, json.loads(response.content) if response["Content-Type"].startswith("application/json") else None


def test_the_news_list_has_published_articles_newest_first_and_never_drafts(client):
    old = ArticleFactory(title="旧闻", publish_at=timezone.now() - datetime.timedelta(days=3), tags=["城市更新"])
    new = ArticleFactory(title="新闻")
    ArticleFactory(title="草稿", draft=True)
    ArticleFactory(title="明天发布", publish_at=timezone.now() + datetime.timedelta(days=1))

    response, data = get(client, "/api/v1/news/")

    assert response.status_code == 200
    assert [item["id"] for item in data["results"]] == [new.pk, old.pk]
    first = data["results"][1]
    assert first["tags"] == ["城市更新"] and first["url"] == f"http://testserver/news/{old.pk}/"
    assert first["category"]["slug"] == old.category.slug


def test_an_article_in_detail_and_a_draft_is_404(client):
    article = ArticleFactory(body="<p>正文第一段。</p>")
    draft = ArticleFactory(draft=True)

    response, data = get(client, f"/api/v1/news/{article.pk}")
    missing, problem = get(client, f"/api/v1/news/{draft.pk}")

    assert response.status_code == 200 and "正文第一段" in data["body"]
    assert missing.status_code == 404 and problem["detail"]


def test_lists_filter_by_category_tag_and_city_and_unknown_ones_are_404(client):
    parent = CategoryFactory(slug="association-news")
    child = CategoryFactory(slug="liaison-work", parent=parent)
    city = MemberCityFactory(slug="beihai")
    in_child = ArticleFactory(category=child, tags=["联络"])
    in_child.related_cities.add(city)
    ArticleFactory()

    by_category = get(client, "/api/v1/news/?category=association-news")[1]
    by_tag = get(client, "/api/v1/news/?tag=联络")[1]
    by_city = get(client, "/api/v1/news/?city=beihai")[1]

    assert [a["id"] for a in by_category["results"]] == [in_child.pk]
    assert [a["id"] for a in by_tag["results"]] == [in_child.pk]
    assert [a["id"] for a in by_city["results"]] == [in_child.pk]
    assert client.get("/api/v1/news/?category=nope").status_code == 404


def test_following_next_visits_every_article_once(client):
    category = CategoryFactory()
    moment = timezone.now() - datetime.timedelta(hours=1)
    made = {
        ArticleFactory(category=category, publish_at=moment - datetime.timedelta(minutes=n % 3)).pk for n in range(23)
    }

    seen, url = [], "/api/v1/news/?page_size=5"
    while url:
        data = get(client, url)[1]
        seen += [item["id"] for item in data["results"]]
        url = data["next"]

    assert len(seen) == len(made) and set(seen) == made


@pytest.mark.parametrize("query", ["lang=fr", "cursor=not-a-cursor", "page_size=0", "page_size=x", "kind=x&when=y"])
def test_bad_parameters_are_a_4xx_with_a_message(client, query):
    EventFactory()
    response, data = get(client, f"/api/v1/events/?{query}")

    assert 400 <= response.status_code < 500 or (response.status_code == 200 and data["results"] == [])
    if response.status_code != 200:
        assert data["detail"]
    if query.startswith("page_size"):
        assert response.status_code == 400


@pytest.mark.parametrize("path", ["/api/v1/news/-5", "/api/v1/events/%0A", "/api/v1/nothing/here"])
def test_an_unknown_address_under_the_api_is_a_json_404(client, path):
    response, data = get(client, path)

    assert response.status_code == 404 and data["detail"]


def test_the_language_comes_from_lang_or_accept_language(client):
    category = Category.objects.create(name="联络工作", name_en="Liaison work", slug="liaison")
    ArticleFactory(
        category=category, title="联络工作会议召开", title_en="Liaison conference held", summary="会议总结工作。"
    )

    english = get(client, "/api/v1/news/?lang=en")[1]["results"][0]
    by_header, header_data = get(client, "/api/v1/news/", HTTP_ACCEPT_LANGUAGE="zh-TW,zh;q=0.8")
    traditional = header_data["results"][0]
    simplified = get(client, "/api/v1/news/")[1]["results"][0]

    assert english["title"] == "Liaison conference held" and english["category"]["name"] == "Liaison work"
    assert english["summary"] == "会议总结工作。" and english["translated"] is False
    assert traditional["title"] == "聯絡工作會議召開" and traditional["category"]["name"] == "聯絡工作"
    assert by_header["Content-Language"] == "zh-hant" and "Accept-Language" in by_header["Vary"]
    assert simplified["title"] == "联络工作会议召开"


def test_responses_have_an_etag_and_cache_control_and_answer_304(client):
    ArticleFactory()

    first = client.get("/api/v1/news/?lang=zh-hans")
    again = client.get("/api/v1/news/?lang=zh-hans", headers={"If-None-Match": first["ETag"]})

    assert first["ETag"] and "public" in first["Cache-Control"] and "max-age=" in first["Cache-Control"]
    assert again.status_code == 304


def test_anonymous_clients_are_limited_and_staff_are_not(client, settings, staff_user):
    settings.API_ANONYMOUS_RATE = 3
    settings.PAGE_CACHE_SECONDS = 0

    statuses = [client.get("/api/v1/news/categories").status_code for _ in range(4)]
    client.force_login(staff_user)
    staff = [client.get("/api/v1/news/categories").status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    assert staff == [200] * 4


def test_events_have_their_agenda_and_speakers_and_drafts_are_hidden(client):
    event = EventFactory()
    speaker = SpeakerFactory(name="唐文彬")
    AgendaItemFactory(event=event, title="开幕式", speakers=[speaker])
    draft = EventFactory(draft=True)

    listed = get(client, "/api/v1/events/")[1]
    detail = get(client, f"/api/v1/events/{event.pk}")[1]
    agenda = get(client, f"/api/v1/events/{event.pk}/agenda")[1]
    speakers = get(client, f"/api/v1/events/{event.pk}/speakers")[1]

    assert [e["id"] for e in listed["results"]] == [event.pk]
    assert detail["agenda"][0]["title"] == "开幕式" and detail["agenda"][0]["speakers"] == [speaker.pk]
    assert agenda[0]["title"] == "开幕式" and speakers[0]["name"] == "唐文彬"
    assert client.get(f"/api/v1/events/{draft.pk}").status_code == 404


def test_documents_and_periodicals_never_link_a_members_only_file(client):
    public = DocumentFactory(title="章程")
    DocumentFactory(title="内部文件", members_only=True)
    periodical = PeriodicalFactory(slug="jianbao")
    open_issue = IssueFactory(periodical=periodical, year=2026, number=1)
    closed = IssueFactory(periodical=periodical, year=2026, number=2, members_only=True)
    IssueFactory(periodical=periodical, year=2026, number=3, draft=True)
    IssueEntryFactory(issue=closed, title="本期要目", article=ArticleFactory(draft=True))

    documents = get(client, "/api/v1/documents/")[1]
    issues = get(client, "/api/v1/periodicals/jianbao/issues")[1]
    detail = get(client, "/api/v1/periodicals/jianbao/issues/2026/2")[1]

    assert [d["id"] for d in documents["results"]] == [public.pk]
    assert [(i["number"], bool(i["pdf"]), i["members_only_pdf"]) for i in issues["results"]] == [
        (2, False, True),
        (1, True, False),
    ]
    assert detail["pdf"] is None and detail["contents"][0]["article"] is None
    assert open_issue.get_download_url() in json.dumps(issues)
    assert client.get("/api/v1/periodicals/jianbao/issues/2026/3").status_code == 404


def test_no_personal_data_of_officers_appears_anywhere_in_the_api(client):
    officer = LiaisonOfficerFactory(name="韦联络", email="weilianluo@city.example.cn", mobile="13912345678")
    ArticleFactory(related_cities=[officer.city])
    EventFactory(host_city=officer.city)

    bodies = [
        client.get(url).content.decode()
        for url in (
            "/api/v1/news/",
            "/api/v1/events/",
            "/api/v1/cities/",
            f"/api/v1/cities/{officer.city.slug}",
            "/api/v1/documents/",
            "/api/v1/periodicals/",
        )
    ]

    assert officer.city.slug in bodies[2]
    for body in bodies:
        assert "weilianluo" not in body and "13912345678" not in body and "韦联络" not in body


def test_the_docs_page_lists_the_endpoints_in_each_language(client):
    for prefix in ("", "/zh-hant", "/en"):
        response = client.get(f"{prefix}/api/")
        assert response.status_code == 200
        assert "/api/v1/news/" in response.content.decode() and "/api/v1/openapi.json" in response.content.decode()
