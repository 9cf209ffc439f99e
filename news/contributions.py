"""What the news app contributes to the shared features (core/registry.py)."""

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from core.registry import (
    ALL,
    EDIT,
    VIEW,
    ApiRouter,
    Chart,
    ContentType,
    Contributions,
    DemoLoader,
    EmailKind,
    NavEntry,
    PeriodicJob,
    ProfileSection,
    SitemapSection,
    StaffGroup,
    Urls,
)

NEWS_EDITORS = "news editors"
NEWS_REVIEWERS = "news reviewers"

REVIEW = EmailKind("review", _("article waiting for review"))

contributions = Contributions(
    urls=(Urls("news/", "news.urls"),),
    sitemaps=(
        SitemapSection("news-categories", "news.sitemaps.CategorySitemap", 40),
        SitemapSection("news-topics", "news.sitemaps.TopicSitemap", 41),
        SitemapSection("news", "news.sitemaps.ArticleSitemap", 42),
    ),
    api_routers=(ApiRouter("/news/", "news.api.news", 10),),
    navigation=(NavEntry("news:index", _("News"), 30),),
    content_types=(ContentType("news.Article"),),
    search=("news.search.register",),
    page_cache=True,
    never_public=("ArticleView", "ReadsByMonth"),
    also_public_apps=("taggit",),
    next_change=("news.selectors.next_publish_at",),
    staff_groups=(StaffGroup(NEWS_EDITORS, _("news editors")), StaffGroup(NEWS_REVIEWERS, _("news reviewers"))),
    grants={
        NEWS_EDITORS: {
            "core": {"blockedterm": VIEW},
            "news": {
                "article": EDIT,
                "articleimage": ALL,
                "attachment": ALL,
                "historicalarticle": VIEW,
                "category": VIEW,
                "topic": VIEW,
                "topicentry": VIEW,
            },
            "taggit": {"tag": EDIT},
        },
        NEWS_REVIEWERS: {
            "core": {"blockedterm": ALL},  # they keep the blocklist of spam
            "news": {
                "article": (*ALL, "codename:publish_article"),
                "articleimage": ALL,
                "attachment": ALL,
                "historicalarticle": VIEW,
                "category": ALL,
                "topic": ALL,
                "topicentry": ALL,
            },
            "taggit": {"tag": ALL},
        },
    },
    email_kinds=(REVIEW,),
    periodic_jobs=(
        PeriodicJob("view-counts", "news.tasks.flush_view_counts", 60.0, expires=60, in_process=True),
        PeriodicJob("unplaced-images", "news.tasks.sweep_unplaced_images", crontab(hour=4, minute=30)),
    ),
    demo=(DemoLoader("news.demo.load", 20), DemoLoader("news.demo_wechat.load", 21)),
    dashboard_tiles=("news.dashboard.tiles",),
    scoped={
        "news.Article": "branch",
        "news.HistoricalArticle": "branch",
        "news.ArticleImage": "article__branch",
        "news.Attachment": "article__branch",
    },
    shared_with_sections=("news.Category", "taggit.Tag"),
    charts=(
        Chart(
            "articles",
            _("Articles published and read per month"),
            "news.figures.published_and_read",
            70,
            1,
            permission="news.view_article",
        ),
    ),
    not_in_figures=("ArticleView",),
    city_profile=(ProfileSection("news.figures.profile", "admin/city_profile/news.html", 30),),
)
