from django.urls import reverse

from core.web.sitemaps import I18nSitemap


class FiguresSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return ["insight:figures"]

    def location(self, name):
        return reverse(name)
