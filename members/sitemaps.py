from core.web.sitemaps import I18nSitemap
from members.models import MemberCity


class MemberCitySitemap(I18nSitemap):
    """Public facts about cities only; nothing about officers or their accounts."""

    changefreq = "monthly"

    def items(self):
        return MemberCity.objects.members().only("slug")
