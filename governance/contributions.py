"""What the governance app contributes to the shared features (core/registry.py)."""

from django.utils.translation import gettext_lazy as _

from core.registry import (
    ALL,
    EDIT,
    VIEW,
    ContentType,
    Contributions,
    DemoLoader,
    EmailKind,
    SitemapSection,
    StaffGroup,
    Urls,
)

SECRETARIAT = "secretariat"

VOTE = EmailKind("vote", _("personal voting link"), secret=True)
# Members of a body read its meetings' papers: members-only documents (a django-rules permission, governance/apps.py).
READ_PAPERS = "governance.read_papers"

contributions = Contributions(
    urls=(
        Urls("about/bodies/", "governance.urls"),
        Urls("portal/votes/", "governance.portal_urls"),
        Urls("votes/", "governance.ballot_urls"),
    ),
    sitemaps=(SitemapSection("bodies", "governance.sitemaps.BodySitemap", 25),),
    content_types=(ContentType("governance.Resolution"),),
    page_cache=True,
    # Votes are read by their members on pages never cached; a new ballot must not empty every cached page.
    never_public=("Motion", "RollEntry", "Ballot", "CouncilMeeting"),
    staff_groups=(StaffGroup(SECRETARIAT, _("secretariat (bodies and votes)")),),
    grants={
        SECRETARIAT: {
            "governance": {
                "position": ALL,
                "body": ALL,
                "term": ALL,
                "mandate": ALL,
                "councilmeeting": ALL,
                "resolution": ALL,
                "motion": EDIT,
                "rollentry": VIEW,
            },
            "association": {"document": EDIT, "branch": VIEW},
        },
        "membership managers": {"governance": {"position": ALL, "body": ALL, "term": ALL, "mandate": ALL}},
    },
    email_kinds=(VOTE,),
    demo=(DemoLoader("governance.demo.load", 40),),
    dashboard_tiles=("governance.dashboard.tiles",),
    members_permission=READ_PAPERS,
)
