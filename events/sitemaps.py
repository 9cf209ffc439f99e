from core.web.sitemaps import I18nSitemap
from events.models import Event, EventSeries


class EventSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        return Event.objects.published().only("id")


class EventSeriesSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return EventSeries.objects.filter(editions__in=Event.objects.published()).distinct()
