"""Everything the toy content type contributes: this file and INSTALLED_APPS are all that names it."""

from celery.schedules import crontab

from core.registry import (
    ALL,
    ApiRouter,
    ContentType,
    Contributions,
    EmailKind,
    NavEntry,
    PeriodicJob,
    SitemapSection,
    StaffGroup,
    Urls,
)

POLICY_EDITORS = "policy editors"
POLICY_NOTICE = EmailKind("policy_notice", "政策文件通知")

contributions = Contributions(
    urls=(Urls("policies/", "tests.toy.urls"),),
    sitemaps=(SitemapSection("policies", "tests.toy.sitemaps.PolicySitemap", 95),),
    api_routers=(ApiRouter("/policies/", "tests.toy.api.policies", 95),),
    navigation=(NavEntry("toy:index", "政策文件", 65),),
    content_types=(ContentType("toy.Policy"),),
    search=("tests.toy.search.register",),
    page_cache=True,
    staff_groups=(StaffGroup(POLICY_EDITORS, "政策文件编辑"),),
    grants={POLICY_EDITORS: {"toy": {"policy": ALL}}},
    email_kinds=(POLICY_NOTICE,),
    periodic_jobs=(
        PeriodicJob("policy-announcements", "tests.toy.tasks.announce_policies", crontab(hour=8, minute=0)),
    ),
    dashboard_tiles=("tests.toy.dashboard.tiles",),
)
