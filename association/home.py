"""What the home page shows, gathered in one place so each app's part can be added as it arrives."""

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from association.models import Association, Branch, Document
from core.i18n.translation import columns
from events.selectors import upcoming as upcoming_events
from governance import selectors as governance_selectors
from members.models import MemberCity
from news import selectors as news
from news.models import Article

FIGURES_CACHE_KEY = "home:key-figures"
FIGURES_CACHE_SECONDS = 600


def key_figures():
    """(label, number) pairs for the figures panel; only figures the data can back are shown. Counting every
    article on every home page grows with the archive, so the counts are cached for ten minutes."""
    counts = cache.get(FIGURES_CACHE_KEY)
    if counts is None:
        counts = {
            "cities": MemberCity.objects.members().count(),
            "branches": Branch.objects.active().count(),
            "documents": Document.objects.public().count(),
            "articles": Article.objects.published().count(),
        }
        cache.set(FIGURES_CACHE_KEY, counts, FIGURES_CACHE_SECONDS)
    association = Association.load()
    figures = [(_("Member cities"), counts["cities"])]
    if association.founded_on:
        years = timezone.localdate().year - association.founded_on.year
        figures.append((_("Years of service"), years))
    figures.append((_("Branches"), counts["branches"]))
    figures.append((_("Public documents"), counts["documents"]))
    figures.append((_("News articles"), counts["articles"]))
    return figures


def home_context(request):
    return {
        "headlines": news.headlines(),
        "news_columns": news.home_columns(),
        "latest_news": Article.objects.published().only("id", "publish_at", *columns("title"))[:8],
        "upcoming_events": upcoming_events(),
        "figures": key_figures(),
        "documents": Document.objects.visible_to(request.user)[:6],
        "branches": Branch.objects.active()[:6],
        "president": governance_selectors.president(),
    }
