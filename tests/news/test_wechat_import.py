"""Importing a WeChat official-account article: the saved page under tests/news/wechat/ (WeChat's structure, our own
text) is served with its photos by a local HTTP server, as mp.weixin.qq.com and mmbiz.qpic.cn would; no test reaches
the internet. The draft has the title, account, author, time, text and photos (our own files, with captions, where
they stood), no follow prompt, QR code or share bar; importing again names the draft; addresses that lead elsewhere
are refused with a reason."""

import io

import pytest
from django.urls import reverse

from core.web import outbound
from news import services, wechat
from news.models import Article, ArticleImage
from news.wechat_import import wechat_import
from tests.factories import StaffUserFactory
from tests.news.wechat_server import PAGE, WechatHandler

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    return StaffUserFactory(groups=["news editors"])


def test_an_address_becomes_a_draft_with_its_own_photos(wechat_server, editor, category):
    imported = wechat_import(url=f"{wechat_server}/s/liaison-meeting", category=category, by=editor)
    article = imported.article
    assert imported.created and article.status == "draft"
    assert article.title == "全区市长协会联络工作会议在北海召开"
    assert article.source == "广西市长协会" and article.author == "秘书处"
    assert article.publish_at.year == 2026 and article.publish_at.month == 11
    photos = list(article.images.order_by("order"))
    assert [photo.caption for photo in photos] == ["会议现场", "颁奖", "代表们考察北海老城"]
    assert all(photo.in_body and photo.renditions for photo in photos)
    body = article.body
    for photo in photos:
        assert f'data-file="{photo.pk}"' in body and photo.image.url in body
    assert "127.0.0.1" not in body and "data-src" not in body and "style=" not in body  # nothing points at WeChat
    assert body.index("80余人") < body.index(photos[0].image.url) < body.index("表彰了优秀联络员")
    for furniture in ("關注我們", "二维码", "阅读原文", "在看", "var x"):
        assert furniture not in body
    assert ArticleImage.objects.count() == 3  # the follow banner and the QR code were not kept


def test_a_saved_page_imports_the_same_and_twice_names_the_draft(client, wechat_server, editor, category):
    client.force_login(editor)
    page = PAGE.replace("{{IMAGES}}", f"{wechat_server}/img").encode()
    upload = io.BytesIO(page)
    upload.name = "article.html"
    response = client.post(reverse("admin:news_article_wechat"), {"page": upload, "category": category.pk})
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.wechat_key == "MzU5NjAwMDAwMA==:2247483999:1"
    again = wechat_import(url=f"{wechat_server}/s/liaison-meeting", category=category, by=editor)
    assert not again.created and again.article == article and Article.objects.count() == 1
    response = client.post(
        reverse("admin:news_article_wechat"),
        {"url": f"{wechat_server}/s/liaison-meeting", "category": category.pk},
        follow=True,
    )
    assert "该文章此前已导入" in response.content.decode()


def test_the_draft_goes_through_the_usual_review(wechat_server, editor, category):
    article = wechat_import(url=f"{wechat_server}/s/liaison-meeting", category=category, by=editor).article
    article = services.article_submit(article=article, by=editor)
    reviewer = StaffUserFactory(groups=["news reviewers"])
    article = services.article_publish(article=article, by=reviewer)
    assert Article.objects.published().filter(pk=article.pk).exists()


@pytest.mark.parametrize(
    "url, reason",
    [
        ("https://example.com/s/abc", "不能"),
        ("ftp://mp.weixin.qq.com/s/abc", "只能"),
        ("https://mp.weixin.qq.com.evil.example/s/abc", "不能"),
        ("https://user:pw@mp.weixin.qq.com/s/abc", "用户名"),
        ("https://mp.weixin.qq.com.evil.example:8443/s/abc", "不能"),
    ],
)
def test_addresses_outside_wechat_are_refused_and_change_nothing(client, editor, category, url, reason):
    client.force_login(editor)
    response = client.post(reverse("admin:news_article_wechat"), {"url": url, "category": category.pk})
    assert response.status_code == 400 and reason in response.content.decode()
    assert not Article.objects.exists() and not ArticleImage.objects.exists()


def test_the_fetcher_refuses_private_addresses_redirects_elsewhere_slow_and_large_answers(wechat_server, settings):
    settings.OUTBOUND_ALLOW_PRIVATE = False
    with pytest.raises(outbound.Refused, match=r"私有网络|private"):
        outbound.fetch(f"{wechat_server}/s/liaison-meeting", hosts=["127.0.0.1"], schemes=["http"])
    settings.OUTBOUND_ALLOW_PRIVATE = True
    with pytest.raises(outbound.Refused):
        outbound.fetch(f"{wechat_server}/elsewhere", hosts=["127.0.0.1"], schemes=["http"])
    with pytest.raises(outbound.Refused, match=r"及时|in time"):
        outbound.fetch(f"{wechat_server}/slow", hosts=["127.0.0.1"], schemes=["http"], timeout=0.5)
    with pytest.raises(outbound.Refused, match=r"过大|too large"):
        outbound.fetch(f"{wechat_server}/img/hall.jpg", hosts=["127.0.0.1"], schemes=["http"], max_bytes=1000)
    with pytest.raises(outbound.Refused):
        outbound.fetch(f"{wechat_server}/notes.txt", hosts=["127.0.0.1"], schemes=["http"], accept=("image/",))
    assert (
        outbound.fetch(f"{wechat_server}/img/hall.jpg", hosts=["127.0.0.1"], schemes=["http"]).body[:2] == b"\xff\xd8"
    )


def test_a_missing_photo_or_a_page_that_is_no_article_is_a_clear_error(client, wechat_server, editor, category):
    client.force_login(editor)
    del WechatHandler.files["/img/award.jpg"]
    response = client.post(
        reverse("admin:news_article_wechat"), {"url": f"{wechat_server}/s/liaison-meeting", "category": category.pk}
    )
    assert response.status_code == 400 and "2" in response.content.decode()
    assert not Article.objects.exists() and not ArticleImage.objects.exists()
    upload = io.BytesIO("<html><body><p>你好</p></body></html>".encode())
    upload.name = "other.html"
    response = client.post(reverse("admin:news_article_wechat"), {"page": upload, "category": category.pk})
    assert response.status_code == 400
    response = client.post(reverse("admin:news_article_wechat"), {"category": category.pk})
    assert response.status_code == 400


def test_only_those_who_write_articles_import(client, category):
    client.force_login(StaffUserFactory())
    assert client.get(reverse("admin:news_article_wechat")).status_code == 403


def test_the_page_is_read_without_wechats_furniture():
    parsed = wechat.parse(PAGE.replace("{{IMAGES}}", "https://mmbiz.qpic.cn/img"))
    assert parsed.title == "全区市长协会联络工作会议在北海召开" and parsed.account == "广西市长协会"
    assert parsed.summary.startswith("11月26日至27日") and parsed.summary.endswith("。")
    assert [photo.url.rsplit("/", 1)[1] for photo in parsed.photos] == ["hall.jpg", "award.jpg", "visit.png"]
    assert parsed.key == "MzU5NjAwMDAwMA==:2247483999:1"
    assert wechat.article_key("https://mp.weixin.qq.com/s/AbCdEfGh12345678") == "AbCdEfGh12345678"
    assert wechat.article_key("https://mp.weixin.qq.com/s?__biz=X&mid=7&idx=2&sn=1") == "X:7:2"
    with pytest.raises(ValueError):
        wechat.parse("<html><body><p>不是公众号文章</p></body></html>")
