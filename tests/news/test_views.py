import datetime
import re

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import Article, ArticleImage, ArticleView, Category, Topic, TopicEntry
from tests.factories import png_file


def test_news_list_shows_published_articles_newest_first(client, make_article):
    old = make_article(title="旧新闻", publish_at=timezone.now() - datetime.timedelta(days=2))
    new = make_article(title="新新闻")
    make_article(title="草稿新闻", status=Article.Status.DRAFT)
    make_article(title="定时新闻", publish_at=timezone.now() + datetime.timedelta(days=1))
    html = client.get("/news/").content.decode()
    assert html.index(new.title) < html.index(old.title)
    assert "草稿新闻" not in html and "定时新闻" not in html


def test_category_page_includes_subcategories(client, make_article, category):
    make_article(title="子栏目文章")
    other = Category.objects.create(name="通知公告", slug="notices")
    make_article(title="别的栏目文章", category=other)
    html = client.get("/news/c/city-exchange/").content.decode()
    assert "子栏目文章" in html and "别的栏目文章" not in html


def test_tag_page_lists_tagged_articles(client, make_article):
    tagged = make_article(title="带标签")
    tagged.tags.add("联络工作")
    make_article(title="无标签")
    response = client.get("/news/tag/联络工作/")
    assert response.status_code == 200
    assert "带标签" in response.content.decode() and "无标签" not in response.content.decode()


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99", "1.5", ""])
def test_bad_page_numbers_are_404_not_500(client, make_article, page):
    make_article()
    assert client.get(f"/news/?page={page}").status_code == 404


def test_bad_year_is_400_with_a_message(client, make_article):
    make_article(title="一篇文章")
    response = client.get("/en/news/?year=abc")
    assert response.status_code == 400
    assert "Enter a whole number" in response.content.decode()
    assert "一篇文章" not in response.content.decode()


def test_lists_have_twenty_per_page(client, make_article):
    for n in range(21):
        make_article(title=f"文章{n:02d}")
    first = client.get("/news/").content.decode()
    assert first.count('class="article-item"') == 20
    assert client.get("/news/?page=2").content.decode().count('class="article-item"') == 1


def test_article_page_shows_breadcrumb_meta_and_its_view_beacon(client, make_article):
    article = make_article(source="秘书处", author="王明", editor="梁静", summary="摘要")
    article.tags.add("北海")
    html = client.get(f"/news/{article.pk}/").content.decode()
    assert re.search(
        r'<a href="/news/c/city-exchange/">城市交流</a>.*<a href="/news/c/liaison-work/">联络工作</a>', html, re.S
    )
    for text in ("秘书处", "王明", "梁静", "北海", 'type="application/ld+json"', 'rel="canonical"', "og:title"):
        assert text in html
    assert f'data-view-beacon="/news/{article.pk}/seen/"' in html


def test_article_page_links_previous_and_next_in_its_category(client, make_article):
    now = timezone.now()
    first = make_article(title="第一篇", publish_at=now - datetime.timedelta(days=2))
    middle = make_article(title="第二篇", publish_at=now - datetime.timedelta(days=1))
    last = make_article(title="第三篇", publish_at=now)
    html = client.get(f"/news/{middle.pk}/").content.decode()
    assert f'href="/news/{first.pk}/" rel="prev"' in html
    assert f'href="/news/{last.pk}/" rel="next"' in html


@pytest.mark.parametrize("status", [Article.Status.DRAFT, Article.Status.REVIEW, Article.Status.ARCHIVED])
def test_unpublished_articles_are_404_for_the_public(client, make_article, status):
    article = make_article(status=status)
    assert client.get(f"/news/{article.pk}/").status_code == 404
    assert client.get(f"/news/{article.pk}/qr.svg").status_code == 404


def test_staff_preview_is_marked_and_never_cached(client, make_article, editor):
    article = make_article(status=Article.Status.DRAFT)
    client.force_login(editor)
    response = client.get(f"/news/{article.pk}/")
    assert response.status_code == 200
    assert "preview-banner" in response.content.decode()
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "data-view-beacon" not in response.content.decode()
    assert client.post(f"/news/{article.pk}/seen/").status_code == 404


def test_logged_in_non_staff_cannot_preview(client, make_article):
    article = make_article(status=Article.Status.DRAFT)
    client.force_login(User.objects.create_user("citizen"))
    assert client.get(f"/news/{article.pk}/").status_code == 404


def test_gallery_uses_picture_with_sizes_and_lazy_loading(client, make_article):
    article = make_article()
    photo = ArticleImage(article=article, alt_text="会场", caption="会议现场")
    photo.image.save("hall.png", png_file(), save=False)
    photo.save()
    html = client.get(f"/news/{article.pk}/").content.decode()
    assert '<source type="image/webp"' in html and "会议现场" in html
    assert re.search(r'<img[^>]+alt="会场"[^>]+width="1200" height="800"[^>]+loading="lazy"', html)


def test_topic_page_lists_its_articles_in_order(client, make_article):
    first, second = make_article(title="大事一"), make_article(title="大事二")
    topic = Topic.objects.create(title="2025年十件大事", slug="ten-events", is_published=True)
    TopicEntry.objects.create(topic=topic, article=second, order=0)
    TopicEntry.objects.create(topic=topic, article=first, order=1)
    html = client.get("/news/topics/ten-events/").content.decode()
    assert html.index("大事二") < html.index("大事一")


def test_unpublished_topic_is_404(client, db):
    Topic.objects.create(title="草稿专题", slug="draft-topic")
    assert client.get("/news/topics/draft-topic/").status_code == 404


def test_feeds_list_published_articles_only(client, make_article):
    make_article(title="公开文章")
    make_article(title="草稿文章", status=Article.Status.DRAFT)
    for url in ("/news/feed/", "/news/atom/", "/news/c/city-exchange/feed/"):
        body = client.get(url).content.decode()
        assert "公开文章" in body and "草稿文章" not in body


def test_sitemap_lists_published_articles_with_alternates(client, make_article):
    live = make_article()
    draft = make_article(status=Article.Status.DRAFT)
    body = client.get("/sitemap.xml").content.decode()
    assert f"/news/{live.pk}/" in body and f"/zh-hant/news/{live.pk}/" in body
    assert f"/news/{draft.pk}/</loc>" not in body


def test_article_query_count_does_not_grow_with_photos_and_tags(client, make_article, django_assert_max_num_queries):
    article = make_article()
    article.tags.add("一", "二", "三")
    for n in range(5):
        photo = ArticleImage(article=article, alt_text=f"图{n}")
        photo.image.save(f"p{n}.png", png_file(400, 300), save=False)
        photo.save()
    with django_assert_max_num_queries(12):
        client.get(f"/news/{article.pk}/")


def test_list_query_count_is_pinned(client, make_article, django_assert_num_queries):
    for n in range(25):
        make_article(title=f"文章{n}")
    client.get("/news/")  # warm the profile cache
    with django_assert_num_queries(4):  # count, page, footer pages, category tree
        client.get("/news/")


def test_a_view_is_counted_by_its_beacon_without_touching_the_article_row(client, make_article):
    article = make_article()
    with CaptureQueriesContext(connection) as context:
        response = client.post(f"/news/{article.pk}/seen/")
    assert response.status_code == 204 and "no-cache" in response["Cache-Control"]
    assert not [q for q in context.captured_queries if q["sql"].startswith("UPDATE")]
    assert ArticleView.objects.filter(article=article).count() == 1
    assert client.get(f"/news/{article.pk}/seen/").status_code == 405


def test_the_number_shown_includes_views_not_yet_flushed(client, make_article):
    article = make_article()
    Article.objects.filter(pk=article.pk).update(view_count=40)
    for _ in range(2):
        client.post(f"/news/{article.pk}/seen/")
    assert "Views: 42" in client.get(f"/en/news/{article.pk}/").content.decode()


def test_reading_an_article_writes_nothing_to_its_row(client, make_article):
    """Readers of a popular article once queued on its row lock: each view was an UPDATE of the article."""
    article = make_article()
    with CaptureQueriesContext(connection) as context:
        assert client.get(f"/news/{article.pk}/").status_code == 200
    assert not [
        q["sql"] for q in context.captured_queries if q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT"))
    ]


@pytest.mark.parametrize("topics_made", [1, 5])
def test_the_topics_page_lists_published_topics_with_their_article_counts_in_constant_queries(
    db, client, topics_made, django_assert_num_queries
):
    from tests.factories import ArticleFactory, TopicEntryFactory, TopicFactory

    for n in range(topics_made):
        topic = TopicFactory(title=f"专题{n}")
        TopicEntryFactory(topic=topic, article=ArticleFactory())
        TopicEntryFactory(topic=topic, article=ArticleFactory(draft=True))  # not counted
    TopicFactory(title="未发布专题", is_published=False)

    with django_assert_num_queries(3):  # the association, the topics with their counts, the footer's pages
        page = client.get("/news/topics/").content.decode()

    assert page.count('class="article-item"') == topics_made and "未发布专题" not in page
    assert "1 篇文章" in page or "1篇文章" in page
    assert 'href="/news/topics/"' in client.get("/news/").content.decode()


def test_an_english_feed_marks_the_entries_still_in_chinese(client, make_article):
    from xml.etree import ElementTree

    make_article(title="公开文章", title_en="Open article")
    make_article(title="尚未翻译")
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"

    rss = ElementTree.fromstring(client.get("/en/news/feed/").content)
    atom = ElementTree.fromstring(client.get("/en/news/atom/").content)
    chinese_rss = {item.findtext("title"): item.get(xml_lang) for item in rss.iter("item")}
    entries = atom.iter("{http://www.w3.org/2005/Atom}entry")
    chinese_atom = {entry.findtext("{http://www.w3.org/2005/Atom}title"): entry.get(xml_lang) for entry in entries}

    for found in (chinese_rss, chinese_atom):
        assert found == {"Open article": None, "尚未翻译 (in Chinese)": "zh-Hans"}
    chinese_feed = client.get("/news/feed/").content.decode()
    assert "xml:lang" not in chinese_feed and "(in Chinese)" not in chinese_feed and "（中文）" not in chinese_feed
