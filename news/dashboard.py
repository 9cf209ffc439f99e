"""The counts the news app shows its staff on the admin index (declared in contributions.py)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.backoffice.dashboard import Tile
from news.models import Article


def tiles(request):
    if request.user.has_perm("news.view_article"):
        url = reverse("admin:news_article_changelist")
        waiting = Article.objects.filter(status=Article.Status.REVIEW).count()
        yield Tile(_("Articles awaiting review"), waiting, f"{url}?status__exact=review", attention=True)
        yield Tile(
            _("Drafts"), Article.objects.filter(status=Article.Status.DRAFT).count(), f"{url}?status__exact=draft"
        )
