from core.web.sitemaps import I18nSitemap
from governance.models import Body


class BodySitemap(I18nSitemap):
    """The pages of the association's and the branches' bodies: their members by term and their resolutions."""

    changefreq = "monthly"

    def items(self):
        return Body.objects.order_by("pk")
