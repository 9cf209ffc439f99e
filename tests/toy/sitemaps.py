from core.web.sitemaps import I18nSitemap
from tests.toy.models import Policy


class PolicySitemap(I18nSitemap):
    def items(self):
        return Policy.objects.published()
