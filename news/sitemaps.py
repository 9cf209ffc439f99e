from core.web.sitemaps import I18nSitemap
from news.models import Article, Category, Topic


class ArticleSitemap(I18nSitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Article.objects.published().only("id", "updated_at").order_by("-publish_at")

    def lastmod(self, article):
        return article.updated_at


class CategorySitemap(I18nSitemap):
    changefreq = "daily"

    def items(self):
        return Category.objects.all()


class TopicSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        return Topic.objects.published()
