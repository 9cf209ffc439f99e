"""Content typed in Simplified Chinese is shown in Traditional characters on /zh-hant/ pages."""

import re
from urllib.parse import quote

import pytest

from core.i18n.chinese import html_to_traditional, to_simplified, to_traditional
from news.models import Article, Category


@pytest.mark.parametrize(
    "simplified, traditional",
    [
        ("为城市发展服务", "為城市發展服務"),
        ("联络员工作会议", "聯絡員工作會議"),
        ("软件", "軟件"),
        ("秘书处", "秘書處"),
    ],
)
def test_sample_sentences_are_converted_character_by_character(simplified, traditional):
    assert to_traditional(simplified) == traditional
    assert to_simplified(traditional) == simplified


def test_urls_code_scripts_and_other_attributes_are_left_alone():
    markup = (
        '<a href="/news/tag/联络工作/" title="联络工作" data-x="联络">联络工作</a>'
        '<img src="/media/发展.png" alt="会议现场">'
        '<script>var label = "联络";</script><code>联络</code><p>mishuchu@example.cn &amp; 发展</p>'
        "<pre><code>联络</code> 发展</pre><!-- 联络 --><p title='a > b 发展'>联络</p>"
    )
    converted = html_to_traditional(markup)
    assert (
        'href="/news/tag/联络工作/"' in converted
        and 'src="/media/发展.png"' in converted
        and 'data-x="联络"' in converted
    )
    assert 'title="聯絡工作"' in converted and 'alt="會議現場"' in converted and ">聯絡工作</a>" in converted
    assert 'var label = "联络";' in converted and "<code>联络</code>" in converted
    assert "mishuchu@example.cn &amp; 發展" in converted
    assert (
        "<pre><code>联络</code> 发展</pre><!-- 联络 -->" in converted and "<p title='a > b 發展'>聯絡</p>" in converted
    )


@pytest.mark.django_db
def test_an_article_reads_in_traditional_characters_under_zh_hant(client):
    category = Category.objects.create(name="协会动态", slug="news-of-the-association")
    article = Article.objects.create(
        title="联络员工作会议召开", category=category, status="published", body="<p>为城市发展服务</p>"
    )
    article.tags.add("联络工作")
    html = client.get(f"/zh-hant/news/{article.pk}/").content.decode()
    assert "聯絡員工作會議召開" in html and "為城市發展服務" in html
    assert "联络员工作会议召开" not in re.sub(r'(href|src)="[^"]*"', "", html)
    assert f'href="/zh-hant/news/tag/{quote(article.tags.get().slug)}/"' in html  # the Simplified slug, untouched
    simplified = client.get(f"/news/{article.pk}/").content.decode()
    assert "联络员工作会议召开" in simplified


@pytest.mark.django_db
def test_the_member_directory_finds_simplified_names_typed_in_traditional(client):
    from members.models import MemberCity, Region

    region = Region.objects.create(name="广西壮族自治区")
    MemberCity.objects.create(name="贵港市", slug="guigang", level="prefecture", region=region)
    MemberCity.objects.create(name="南宁市", slug="nanning", level="prefecture", region=region)
    html = client.get("/zh-hant/members/?q=貴港").content.decode()
    assert "貴港市" in html and "南寧市" not in html


@pytest.mark.django_db
def test_feeds_exist_per_language_and_the_traditional_one_is_converted(client):
    category = Category.objects.create(name="协会动态", slug="news-of-the-association")
    Article.objects.create(title="联络员工作会议召开", category=category, status="published", summary="为城市发展服务")
    assert "联络员工作会议召开" in client.get("/news/feed/").content.decode()
    traditional = client.get("/zh-hant/news/feed/").content.decode()
    assert "聯絡員工作會議召開" in traditional and "為城市發展服務" in traditional
    assert "<lastBuildDate>" in traditional  # the XML itself is untouched
    assert client.get("/en/news/atom/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/en/about/",
        "/en/news/",
        "/en/events/",
        "/en/members/",
        "/en/documents/",
        "/en/contact/",
        "/en/accounts/login/",
        "/en/members/honours/",
        "/en/about/branches/",
        "/en/about/leadership/",
        "/en/search/",
        "/en/search/?q=city",
    ],
)
def test_english_pages_have_no_untranslated_interface_strings(client, url):
    """With no content in the database, every Han character on an English page would be an interface string."""
    html = client.get(url).content.decode()
    # The language switch names each language in itself (简 / 繁) and the search tips show Chinese queries:
    # elements marked with a Chinese lang attribute are meant to be Chinese.
    html = re.sub(r'<nav class="lang-switch".*?</nav>', "", html, flags=re.S)
    html = re.sub(r'<(\w+)[^>]*\blang="zh-Han[st]"[^>]*>.*?</\1>', "", html, flags=re.S)
    han = re.findall("[\u4e00-\u9fff]+", html)
    assert han == []


@pytest.mark.django_db
def test_dates_are_written_per_language(client):
    import datetime

    from django.utils import timezone

    category = Category.objects.create(name="协会动态", slug="news-of-the-association")
    Article.objects.create(
        title="会议",
        category=category,
        status="published",
        summary="摘要",
        publish_at=timezone.make_aware(datetime.datetime(2025, 4, 24, 10, 0)),
    )
    assert "2025年4月24日" in client.get("/news/").content.decode()
    assert "2025年4月24日" in client.get("/zh-hant/news/").content.decode()
    assert "24 April 2025" in client.get("/en/news/").content.decode()
