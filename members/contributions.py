"""What the members app contributes to the shared features (core/registry.py)."""

from django.utils.translation import gettext_lazy as _

from core.registry import (
    ALL,
    VIEW,
    ApiRouter,
    Chart,
    ContentType,
    Contributions,
    DemoLoader,
    EmailKind,
    NavEntry,
    ProfileSection,
    SitemapSection,
    StaffGroup,
    Urls,
)

MEMBERSHIP_MANAGERS = "membership managers"
LIAISON_OFFICERS = "liaison officers"

INVITATION = EmailKind("invitation", _("officer invitation"), secret=True)
PASSWORD_RESET = EmailKind("password_reset", _("password reset"), secret=True)

contributions = Contributions(
    urls=(
        Urls("members/", "members.urls"),
        Urls("accounts/", "members.account_urls"),
        Urls("portal/", "members.portal_urls"),
    ),
    sitemaps=(SitemapSection("members", "members.sitemaps.MemberCitySitemap", 50),),
    api_routers=(ApiRouter("/cities/", "members.api.cities", 30),),
    navigation=(NavEntry("members:index", _("Member cities"), 50),),
    content_types=(ContentType("members.MemberCity"),),
    search=("members.search.register",),
    page_cache=True,
    staff_groups=(
        StaffGroup(MEMBERSHIP_MANAGERS, _("membership managers")),
        StaffGroup(LIAISON_OFFICERS, _("liaison officers")),
    ),
    grants={
        MEMBERSHIP_MANAGERS: {
            "axes": {"accessattempt": ("view", "delete")},  # see who is locked out of signing in, and lift it
            "core": {
                "exportlog": VIEW,
                "outgoingemail": ("view", "change"),
                "periodicrun": VIEW,
                "securityevent": VIEW,
            },
            "members": {
                "region": ALL,
                "membercity": ALL,
                "mayor": ALL,
                "liaisonofficer": ALL,
                "liaisonaward": ALL,
                "historicalliaisonofficer": VIEW,
            },
        },
        "event managers": {"members": {"membercity": VIEW, "region": VIEW}},
    },
    email_kinds=(INVITATION, PASSWORD_RESET),
    demo=(DemoLoader("members.demo.load", 30),),
    dashboard_tiles=("members.dashboard.tiles",),
    shared_with_sections=("members.MemberCity", "members.Region"),
    charts=(
        Chart(
            "members",
            _("Member cities by region and membership level"),
            "members.figures.members_by_region",
            50,
            public=True,
            periodic=False,
            permission="members.view_membercity",
        ),
        Chart(
            "joined-left",
            _("Cities joining and leaving"),
            "members.figures.joined_and_left",
            55,
            10,
            public=True,
            permission="members.view_membercity",
        ),
    ),
    city_profile=(ProfileSection("members.figures.profile", "admin/city_profile/members.html", 5),),
)
