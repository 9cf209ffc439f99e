"""Reads of published news that other pages build on."""

import datetime

import pytest
from django.utils import timezone

from news import selectors
from news.models import Article, Category
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_a_home_column_holds_the_newest_published_articles_of_its_category_and_every_one_below_it():
    column = Category.objects.create(name="协会动态", slug="association-news", show_on_home=True)
    child = Category.objects.create(name="联络工作", slug="liaison", parent=column)
    grandchild = Category.objects.create(name="信息报送", slug="reports", parent=child)
    other = Category.objects.create(name="会员动态", slug="members-news", show_on_home=True)
    hidden = Category.objects.create(name="通知公告", slug="notices")
    now = timezone.now()
    for n, category in enumerate([column, child, grandchild, other, hidden] * 2):
        ArticleFactory(
            title=f"新闻{n}",
            category=category,
            status=Article.Status.PUBLISHED,
            publish_at=now - datetime.timedelta(hours=n),
        )
    ArticleFactory(title="草稿", category=column, status=Article.Status.DRAFT)
    ArticleFactory(
        title="明天发布", category=column, status=Article.Status.PUBLISHED, publish_at=now + datetime.timedelta(days=1)
    )

    columns = selectors.home_columns(per_column=4)

    assert [category.slug for category, _articles in columns] == ["association-news", "members-news"]
    assert [a.title for a in columns[0][1]] == ["新闻0", "新闻1", "新闻2", "新闻5"]
    assert [a.title for a in columns[1][1]] == ["新闻3", "新闻8"]


def test_home_columns_cost_one_query_per_column_whatever_the_number_of_articles(django_assert_num_queries):
    column = Category.objects.create(name="协会动态", slug="association-news", show_on_home=True)
    Category.objects.create(name="会员动态", slug="members-news", show_on_home=True)
    ArticleFactory.create_batch(30, category=column, status=Article.Status.PUBLISHED)
    with django_assert_num_queries(3):  # the categories, then one per column
        selectors.home_columns()
