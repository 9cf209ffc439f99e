from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from core import site
from core.i18n.translation import localized
from news.models import Article, Category


class LatestArticlesFeed(Feed):
    """RSS 2.0: the 30 newest published articles. Only public content; no personal data."""

    description = _("The latest news of the association.")

    def title(self):
        return _("%(name)s: news") % {"name": localized(site.profile(), "name") or _("Mayors' Association")}

    def link(self):
        return reverse("news:index")

    def items(self):
        return Article.objects.published().for_listing()[:30]

    def item_title(self, article):
        return localized(article, "title")

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
    feed_type = Atom1Feed
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
