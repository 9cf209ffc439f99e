"""What the publications app contributes to the shared features (core/registry.py)."""

from django.utils.translation import gettext_lazy as _

from core.registry import (
    ALL,
    EDIT,
    VIEW,
    ApiRouter,
    ContentType,
    Contributions,
    DemoLoader,
    NavEntry,
    SitemapSection,
    Urls,
)

contributions = Contributions(
    urls=(Urls("publications/", "publications.urls"),),
    sitemaps=(
        SitemapSection("periodicals", "publications.sitemaps.PeriodicalSitemap", 80),
        SitemapSection("issues", "publications.sitemaps.IssueSitemap", 90),
    ),
    api_routers=(ApiRouter("/periodicals/", "publications.api.periodicals", 50),),
    navigation=(
        NavEntry("publications:index", _("Publications"), 60),
        NavEntry("publications:index", _("Publications"), 30, place="footer"),
    ),
    content_types=(ContentType("publications.Issue"),),
    search=("publications.search.register",),
    page_cache=True,
    grants={
        "news editors": {"publications": {"periodical": VIEW, "issue": EDIT, "issueentry": ALL}},
        "news reviewers": {"publications": {"periodical": ALL, "issue": ALL, "issueentry": ALL}},
    },
    demo=(DemoLoader("publications.demo.load", 50),),
)
