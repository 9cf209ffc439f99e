from django.urls import reverse

from association.models import Branch, Page
from core.web.sitemaps import I18nSitemap


class StaticPagesSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "association:home",
            "association:about",
            "association:leadership",
            "association:branch_list",
            "association:document_list",
            "association:contact",
            "news:index",
            "events:index",
            "members:index",
            "members:honours",
        ]

    def location(self, name):
        return reverse(name)


class BranchSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return Branch.objects.active()


class PageSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return Page.objects.exclude(slug__in=["about", "contact"])

    def lastmod(self, page):
        return page.updated_at
