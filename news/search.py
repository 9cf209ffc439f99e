"""News in the site-wide search: published articles, with their category for the search page's filter."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.i18n.translation import content_languages, translations_of, value_in
from core.search import registry
from core.search.sources import Item, in_every_language, join, plain
from news.models import Article, Category


def article_item(article):
    if not article.is_released:
        return None
    return Item(
        key=str(article.pk),
        title=article.title,
        text=join(article.summary, plain(article.body)),
        translations={
            language: (
                value_in(article, "title", language),
                join(value_in(article, "summary", language), plain(value_in(article, "body", language))),
            )
            for language in content_languages()
        },
        category_id=article.category_id,
        section_id=article.branch_id,
        date=article.publish_at,
        visible_from=article.publish_at,
        weighted=[
            ("A", join(article.title, article.subtitle, *translations_of(article, "title"))),
            ("B", in_every_language(article, "summary")),
            ("C", in_every_language(article, "body", plain)),
        ],
    )


def register():
    registry.register(
        registry.SearchKind(
            name="article",
            label=_("News"),
            model=Article,
            position=10,
            item=article_item,
            queryset=lambda: Article.objects.released(),
            url=lambda key: reverse("news:article", args=[int(key)]),
            categories=registry.Categories(label=_("News category"), queryset=lambda: Category.objects.all()),
        )
    )
