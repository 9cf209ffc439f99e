"""What the insight app contributes to the shared features (core/registry.py): the public figures page, and the
back office's engagement list, city profiles and work reports for the secretariat."""

from django.utils.translation import gettext_lazy as _

from core.registry import ALL, VIEW, Contributions, DemoLoader, NavEntry, SitemapSection, Urls

SECRETARIAT = "secretariat"  # declared by governance

contributions = Contributions(
    urls=(Urls("figures/", "insight.urls"),),
    sitemaps=(SitemapSection("figures", "insight.sitemaps.FiguresSitemap", 15),),
    navigation=(NavEntry("insight:figures", _("Figures"), 62, place="footer"),),
    page_cache=True,
    never_public=("CityEngagement", "WorkReport"),
    grants={
        SECRETARIAT: {"insight": {"cityengagement": VIEW, "workreport": ALL}},
        "membership managers": {"insight": {"cityengagement": VIEW}},
        "news editors": {"insight": {"workreport": ALL}},
    },
    demo=(DemoLoader("insight.demo.load", 55),),
)
