"""Root URLs: machines at the top, then each app's URLs as it declares them (its contributions.py), people's pages
under the language prefixes (zh-hans unprefixed)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.static import serve

from association import views
from core import registry
from core.web import health, metrics

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("healthz/ready", health.ready, name="readiness"),
    path("metrics", metrics.metrics_view, name="metrics"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.root_icon, {"name": "favicon.ico"}, name="favicon"),
    path("apple-touch-icon.png", views.root_icon, {"name": "apple-touch-icon.png"}, name="apple_touch_icon"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    *(path(urls.prefix, include(urls.module)) for urls in registry.urls(i18n=False)),
    path("sitemap.xml", sitemap, {"sitemaps": registry.sitemaps()}, name="django.contrib.sitemaps.views.sitemap"),
]

urlpatterns += i18n_patterns(
    *(path(urls.prefix, include(urls.module)) for urls in registry.urls(i18n=True)),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    # Local media only; in production a web server or object storage serves MEDIA_URL.
    urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
