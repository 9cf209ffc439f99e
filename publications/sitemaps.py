from core.web.sitemaps import I18nSitemap
from publications.models import Issue, Periodical


class PeriodicalSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return Periodical.objects.filter(issues__in=Issue.objects.published()).distinct()


class IssueSitemap(I18nSitemap):
    changefreq = "yearly"

    def items(self):
        return (
            Issue.objects.published()
            .select_related("periodical")
            .only("id", "year", "number", "updated_at", "periodical__slug")
        )

    def lastmod(self, issue):
        return issue.updated_at
