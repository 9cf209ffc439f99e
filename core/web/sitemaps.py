from django.contrib.sitemaps import Sitemap


class I18nSitemap(Sitemap):
    """A sitemap listing each page in every language, with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True
