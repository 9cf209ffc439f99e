"""The association's own account through WeChat's publishing API (news/wechat_api.py): the admin lists what it
published and imports a chosen article as a draft, once; an expired token is renewed, and an address not on the
account's allow-list (errcode 40164) is a clear message. Against the local server of tests/news/wechat_server.py."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from news import wechat_api
from news.models import Article
from tests.factories import CategoryFactory
from tests.news.wechat_server import APP_ID, APP_SECRET, ARTICLE_ID, WechatHandler

pytestmark = pytest.mark.django_db

LIST = "admin:news_article_wechat_published"


@pytest.fixture
def account(wechat_server, settings):
    settings.WECHAT_APP_ID, settings.WECHAT_APP_SECRET = APP_ID, APP_SECRET
    settings.WECHAT_API_URL = wechat_server
    settings.WECHAT_ACCOUNT_NAME = "广西市长协会"
    cache.clear()
    return wechat_server


def test_the_published_articles_are_listed_with_their_titles(account):
    total, items = wechat_api.published()
    assert total == 1
    assert [(item.article_id, item.index, item.title) for item in items] == [
        (ARTICLE_ID, 1, "市长协会召开2026年度联络员工作会议"),
        (ARTICLE_ID, 2, "秘书处关于报送年度工作总结的通知"),
    ]
    assert items[0].key == "MzA5NTQ2MDEyMQ==:2650001234:1"


def test_the_token_is_kept_between_calls(account):
    wechat_api.published()
    wechat_api.published()
    assert WechatHandler.tokens == ["token-1"]


def test_an_expired_token_is_renewed_once_and_the_call_succeeds(account):
    WechatHandler.api_mode = "expire"
    total, _items = wechat_api.published()
    assert total == 1 and WechatHandler.tokens == ["token-1", "token-2"]


def test_an_address_not_on_the_allow_list_says_so(account):
    WechatHandler.api_mode = "ip"
    with pytest.raises(wechat_api.WechatApiError, match="IP") as refused:
        wechat_api.published()
    assert "203.0.113.7" in str(refused.value)


def test_staff_import_a_chosen_article_with_its_photos_and_once(account, admin_client):
    category = CategoryFactory()
    page = admin_client.get(reverse(LIST))
    assert page.status_code == 200 and "秘书处关于报送年度工作总结的通知" in page.content.decode()

    answer = admin_client.post(reverse(LIST), {"article_id": ARTICLE_ID, "index": 1, "category": category.pk})

    article = Article.objects.get()
    assert answer.status_code == 302 and answer["Location"] == reverse("admin:news_article_change", args=[article.pk])
    assert article.title == "市长协会召开2026年度联络员工作会议" and article.source == "广西市长协会"
    assert article.status == Article.Status.DRAFT and article.wechat_key == "MzA5NTQ2MDEyMQ==:2650001234:1"
    assert [image.caption for image in article.images.order_by("order")] == ["会议现场", "表彰优秀联络员"]
    assert "style=" not in article.body

    again = admin_client.post(reverse(LIST), {"article_id": ARTICLE_ID, "index": 1, "category": category.pk})
    assert again.status_code == 302 and Article.objects.count() == 1
    listed = admin_client.get(reverse(LIST)).content.decode()
    assert reverse("admin:news_article_change", args=[article.pk]) in listed


def test_the_refusal_is_shown_on_the_page_not_a_500(account, admin_client):
    WechatHandler.api_mode = "ip"
    page = admin_client.get(reverse(LIST))
    assert page.status_code == 502 and "203.0.113.7" in page.content.decode()


@pytest.mark.parametrize(
    "data", [{}, {"article_id": ARTICLE_ID, "index": "x"}, {"article_id": ARTICLE_ID, "index": 9, "category": 1}]
)
def test_a_bad_choice_is_a_400_and_imports_nothing(account, admin_client, data):
    assert admin_client.post(reverse(LIST), data).status_code == 400
    assert not Article.objects.exists()


def test_without_an_app_id_the_list_sends_back_to_the_import_page(admin_client, settings):
    settings.WECHAT_APP_ID = ""
    answer = admin_client.get(reverse(LIST))
    assert answer.status_code == 302 and answer["Location"] == reverse("admin:news_article_wechat")
