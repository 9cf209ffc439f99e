"""The admin's messages read as Chinese is written: no space between two Chinese words, none after a Chinese full
stop, and no English full stop."""

import re

import pytest

from news.models import Article
from tests.factories import CategoryFactory

pytestmark = pytest.mark.django_db

STRAY = re.compile(r"[\u4e00-\u9fff”。][ .]|[ ][\u4e00-\u9fff“]")


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_saving_an_article_says_so_in_plain_chinese(admin_client):
    category = CategoryFactory(name="协会动态")
    response = admin_client.post(
        "/admin/news/article/add/",
        {
            "title": "粘贴测试",
            "category": category.pk,
            "body": "<p>正文。</p>",
            "publish_at_0": "2026-12-01",
            "publish_at_1": "09:00",
            "_continue": "1",
            "images-TOTAL_FORMS": "0",
            "images-INITIAL_FORMS": "0",
            "attachments-TOTAL_FORMS": "0",
            "attachments-INITIAL_FORMS": "0",
        },
        follow=True,
    )
    said = messages_of(response)
    assert said and said[0].startswith("成功添加了文章“"), said
    assert "。您可以在下面继续编辑。" in said[0]
    assert not STRAY.search(said[0].replace("<a href", "").split("”")[-1]), said
    assert "<a href=" in said[0]  # the article's name is still a link


def test_deleting_says_so_without_a_stray_space(admin_client):
    article = Article.objects.create(title="要删除的文章", category=CategoryFactory(), body="<p>x</p>")
    response = admin_client.post(f"/admin/news/article/{article.pk}/delete/", {"post": "yes"}, follow=True)
    assert messages_of(response) == ["成功删除了文章“要删除的文章”。"]
