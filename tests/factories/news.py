"""News: categories, articles with their images and attachments, special topics."""

import datetime

import factory

from news.models import (
    Article,
    ArticleImage,
    ArticleView,
    Attachment,
    Category,
    ReadsByMonth,
    Topic,
    TopicEntry,
)
from tests.factories.files import PDF_BYTES


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Iterator(["协会动态", "城市交流", "联络工作", "通知公告"])
    slug = factory.Sequence(lambda n: f"category-{n}")
    order = factory.Sequence(lambda n: n)


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published article, due now; `draft=True` for a draft. `tags=["北海"]` tags it and
    `related_cities=[city]` links it to member cities."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"联络员工作会议在北海召开（{n}）")
    category = factory.SubFactory(CategoryFactory)
    summary = "总结交流年度联络工作。"
    body = "<p>会议总结了年度联络工作，部署了下一阶段任务。</p>"
    source = "秘书处"
    status = Article.Status.PUBLISHED

    class Params:
        draft = factory.Trait(status=Article.Status.DRAFT)

    @factory.post_generation
    def tags(article, create, extracted, **kwargs):
        if create and extracted:
            article.tags.add(*extracted)

    @factory.post_generation
    def related_cities(article, create, extracted, **kwargs):
        if create and extracted:
            article.related_cities.add(*extracted)


class ArticleImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleImage

    article = factory.SubFactory(ArticleFactory)
    image = factory.django.ImageField(filename="hall.jpg", width=900, height=600, color=(180, 40, 40))
    alt_text = "会场"
    caption = "会议现场"
    order = factory.Sequence(lambda n: n)


class AttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attachment

    article = factory.SubFactory(ArticleFactory)
    title = "会议通知"
    file = factory.django.FileField(filename="notice.pdf", data=PDF_BYTES)
    order = factory.Sequence(lambda n: n)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    title = factory.Sequence(lambda n: f"{2020 + n % 10}年度协会十件大事")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    summary = "回顾一年来协会的重要工作。"
    is_published = True
    order = factory.Sequence(lambda n: n)


class TopicEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TopicEntry

    topic = factory.SubFactory(TopicFactory)
    article = factory.SubFactory(ArticleFactory)
    order = factory.Sequence(lambda n: n)


class ArticleViewFactory(factory.django.DjangoModelFactory):
    """A reader's view not yet flushed onto the article's count."""

    class Meta:
        model = ArticleView

    article = factory.SubFactory(ArticleFactory, status=Article.Status.PUBLISHED)


class ReadsByMonthFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReadsByMonth

    month = factory.Sequence(lambda n: datetime.date(2020 + n // 12, n % 12 + 1, 1))
    views = 1200
