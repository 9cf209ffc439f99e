"""News in the site-wide search: published articles, with their category for the search page's filter."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.search import registry
from core.search.sources import Item, join, plain
from news.models import Article, Category


def article_item(article):
    if not article.is_released:
        return None
    body, body_en = plain(article.body), plain(article.body_en)
    return Item(
        kind="article", key=str(article.pk), title=article.title, title_en=article.title_en,
        text=join(article.summary, body), text_en=join(article.summary_en, body_en), category_id=article.category_id,
        date=article.publish_at, visible_from=article.publish_at,
        weighted=[("A", join(article.title, article.subtitle, article.title_en)),
                  ("B", join(article.summary, article.summary_en)), ("C", join(body, body_en))],
    )


def register():
    registry.register(registry.SearchKind(
        name="article", label=_("News"), model=Article, position=10, item=article_item,
        queryset=lambda: Article.objects.released(),
        url=lambda key: reverse("news:article", args=[int(key)]),
        categories=registry.Categories(label=_("News category"), queryset=lambda: Category.objects.all()),
    ))
