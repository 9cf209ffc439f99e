"""What the association app contributes to the shared features (core/registry.py)."""

from django.utils.translation import gettext_lazy as _

from core.registry import (
    ALL,
    EDIT,
    ApiRouter,
    ContentType,
    Contributions,
    DemoLoader,
    NavEntry,
    SectionStaff,
    SitemapSection,
    Urls,
)

contributions = Contributions(
    urls=(Urls("", "association.public_urls"),),
    sitemaps=(
        SitemapSection("static", "association.sitemaps.StaticPagesSitemap", 10),
        SitemapSection("branches", "association.sitemaps.BranchSitemap", 20),
        SitemapSection("pages", "association.sitemaps.PageSitemap", 30),
    ),
    api_routers=(ApiRouter("/documents/", "association.api.documents", 40),),
    navigation=(
        NavEntry("association:home", _("Home"), 10, exact=True),
        NavEntry("association:about", _("About us"), 20),
        NavEntry("association:document_list", _("Documents"), 70),
        NavEntry("association:contact", _("Contact us"), 80),
        NavEntry("association:about", _("About us"), 10, place="footer"),
        NavEntry("association:document_list", _("Documents"), 20, place="footer"),
        NavEntry("association:contact", _("Contact us"), 110, place="footer"),
    ),
    content_types=(
        ContentType("association.Page"),
        ContentType("association.Document"),
    ),
    search=("association.search.register",),
    page_cache=True,
    grants={
        "news editors": {"association": {"document": EDIT, "page": EDIT}},
        "news reviewers": {"association": {"document": ALL, "page": ALL}},
        "membership managers": {"association": {"branch": ALL, "branchstaff": ALL}},
        "liaison officers": {"association": {"document": ("codename:view_members_only_document",)}},
    },
    members_permission="association.view_members_only_document",
    scoped={"association.Document": "branch"},
    section_staff=SectionStaff("association.BranchStaff", "branch"),
    demo=(
        DemoLoader("association.demo.load", 10),
        # On top of every app's demo: news tied to cities and meetings, then the English texts.
        DemoLoader("association.demo_links.load", 60),
        DemoLoader("association.demo_english.load", 70),
    ),
    dashboard_tiles=("association.dashboard.tiles",),
)
