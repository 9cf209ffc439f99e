"""An article's subtitle, source and author are translated like its title: English pages and the English API
show the English where staff wrote it, the Chinese (marked as such) where not."""

import pytest

from news.models import Article
from tests.factories import CategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return Article.objects.create(
        title="第七届中国—东盟市长论坛成功举办",
        title_en="7th China–ASEAN Mayors' Forum held",
        subtitle="两百多位市长共话可持续发展",
        subtitle_en="Two hundred mayors on sustainable cities",
        source="南宁市人民政府",
        source_en="Nanning Municipal Government",
        author="李明",
        author_en="Li Ming",
        category=CategoryFactory(name="会议活动", name_en="Meetings", slug="meetings"),
        status="published",
    )


def test_the_english_article_page_shows_the_english_credits(client, article):
    chinese_page = client.get(article.get_absolute_url()).content.decode()
    assert "南宁市人民政府" in chinese_page and "Nanning Municipal Government" not in chinese_page
    html = client.get(f"/en{article.get_absolute_url()}").content.decode()
    for english in ("Two hundred mayors on sustainable cities", "Nanning Municipal Government", "Li Ming"):
        assert english in html
    for chinese in ("两百多位市长共话可持续发展", "南宁市人民政府", "李明"):
        assert chinese not in html


def test_an_untranslated_credit_shows_the_chinese_marked_as_chinese(client, article):
    Article.objects.filter(pk=article.pk).update(source_en="")
    html = client.get(f"/en{article.get_absolute_url()}").content.decode()
    assert '<span lang="zh-Hans">南宁市人民政府</span>' in html
    assert "Li Ming" in html


def test_the_english_api_gives_the_english_credits(client, article):
    found = client.get(f"/api/v1/news/{article.pk}", headers={"accept-language": "en"}).json()
    assert (found["subtitle"], found["source"], found["author"]) == (
        "Two hundred mayors on sustainable cities",
        "Nanning Municipal Government",
        "Li Ming",
    )
    chinese = client.get(f"/api/v1/news/{article.pk}").json()
    assert chinese["source"] == "南宁市人民政府"


def test_the_admin_form_offers_the_english_credits(admin_client, article):
    html = admin_client.get(f"/admin/news/article/{article.pk}/change/").content.decode()
    for name in ("subtitle_en", "source_en", "author_en"):
        assert f'name="{name}"' in html
