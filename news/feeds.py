from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import site
from core.i18n.translation import lacks_translation, localized
from news.models import Article, Category

CHINESE = "zh-Hans"


class _ItemLanguage:
    """An entry whose language is not the feed's (the Chinese of an article not yet translated) says so in
    xml:lang, which feed readers use to pick fonts and voices."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language"):
            attributes["xml:lang"] = item["language"]
        return attributes


class MarkedRssFeed(_ItemLanguage, Rss201rev2Feed):
    pass


class MarkedAtomFeed(_ItemLanguage, Atom1Feed):
    pass


class LatestArticlesFeed(Feed):
    """RSS 2.0: the 30 newest published articles. Only public content; no personal data. In English, an article
    not yet translated comes in Chinese, marked as such in its title and its xml:lang."""

    feed_type = MarkedRssFeed
    description = _("The latest news of the association.")

    def title(self):
        return _("%(name)s: news") % {"name": localized(site.profile(), "name") or _("Mayors' Association")}

    def link(self):
        return reverse("news:index")

    def items(self):
        return Article.objects.published().for_listing()[:30]

    def item_title(self, article):
        if lacks_translation(article, "title"):
            return gettext("%(title)s (in Chinese)") % {"title": localized(article, "title")}
        return localized(article, "title")

    def item_extra_kwargs(self, article):
        return {"language": CHINESE} if lacks_translation(article, "title") else {}

    def item_description(self, article):
        return localized(article, "summary")

    def item_pubdate(self, article):
        return article.publish_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return article.source or None

    def item_categories(self, article):
        return [localized(article.category, "name")]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = MarkedAtomFeed
    subtitle = LatestArticlesFeed.description


class CategoryFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, category):
        return _("%(name)s: %(category)s") % {
            "name": localized(site.profile(), "name") or _("Mayors' Association"),
            "category": localized(category, "name"),
        }

    def link(self, category):
        return category.get_absolute_url()

    def items(self, category):
        return Article.objects.published().in_category(category).for_listing()[:30]
