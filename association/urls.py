"""Root URLs: machines at the top, people's pages under the language prefixes (zh-hans unprefixed)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.static import serve

from association import views
from association.sitemaps import BranchSitemap, PageSitemap, StaticPagesSitemap
from core import health, metrics
from events import portal as events_portal
from events.sitemaps import EventSeriesSitemap, EventSitemap
from members.sitemaps import MemberCitySitemap
from news.sitemaps import ArticleSitemap, CategorySitemap, TopicSitemap
from publications.sitemaps import IssueSitemap, PeriodicalSitemap

sitemaps = {
    "static": StaticPagesSitemap,
    "branches": BranchSitemap,
    "pages": PageSitemap,
    "news-categories": CategorySitemap,
    "news-topics": TopicSitemap,
    "news": ArticleSitemap,
    "members": MemberCitySitemap,
    "events": EventSitemap,
    "event-series": EventSeriesSitemap,
    "periodicals": PeriodicalSitemap,
    "issues": IssueSitemap,
}

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("healthz/ready", health.ready, name="readiness"),
    path("metrics", metrics.metrics_view, name="metrics"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.root_icon, {"name": "favicon.ico"}, name="favicon"),
    path("apple-touch-icon.png", views.root_icon, {"name": "apple-touch-icon.png"}, name="apple_touch_icon"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path("api/", include("api.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="django.contrib.sitemaps.views.sitemap"),
]

urlpatterns += i18n_patterns(
    path("", include("association.public_urls")),
    path("news/", include("news.urls")),
    path("events/", include("events.urls")),
    path("members/", include("members.urls")),
    path("publications/", include("publications.urls")),
    path("api/", include("api.docs_urls")),
    path("subscribe/", include("subscriptions.urls")),
    path("accounts/", include("members.account_urls")),
    path("portal/", include("members.portal_urls")),
    path("portal/events/", include("events.portal_urls")),
    path("guests/<str:token>/", events_portal.guest_registration, name="guest_registration"),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    # Local media only; in production a web server or object storage serves MEDIA_URL.
    urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
