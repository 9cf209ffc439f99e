"""What the API contributes to the shared features (core/registry.py): /api/v1/ at the root (one address in
every language, chosen by ?lang= or Accept-Language) and its docs page for people under the language prefixes."""

from django.utils.translation import gettext_lazy as _

from core.registry import Chart, Contributions, DemoLoader, NavEntry, PeriodicJob, Urls

contributions = Contributions(
    urls=(Urls("api/", "api.urls", i18n=False), Urls("api/", "api.docs_urls")),
    navigation=(NavEntry("api_docs:index", _("Open data API"), 50, place="footer"),),
    periodic_jobs=(PeriodicJob("api-usage", "api.tasks.record_usage", 600),),
    charts=(Chart("api-requests", _("Open data API requests"), "api.figures.requests_per_month", 90, default_years=1),),
    demo=(DemoLoader("api.demo.load", 57),),
)
