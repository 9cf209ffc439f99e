"""A branch's own news feeds (RSS 2.0 and Atom): the branch's articles, which are also in the main feeds."""

from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from association.models import Branch
from core.i18n.translation import localized
from news.feeds import LatestArticlesFeed
from news.models import Article


class BranchFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Branch.objects.active(), slug=slug)

    def title(self, branch):
        return _("%(branch)s: news") % {"branch": localized(branch, "name")}

    def description(self, branch):
        return _("The latest news of %(branch)s.") % {"branch": localized(branch, "name")}

    def link(self, branch):
        return branch.get_absolute_url()

    def items(self, branch):
        return Article.objects.published().filter(branch=branch).for_listing()[:30]


class BranchAtomFeed(BranchFeed):
    feed_type = Atom1Feed

    def subtitle(self, branch):
        return self.description(branch)
