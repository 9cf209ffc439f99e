"""What the API contributes to the shared features (core/registry.py): /api/v1/ at the root (one address in
every language, chosen by ?lang= or Accept-Language) and its docs page for people under the language prefixes."""

from django.utils.translation import gettext_lazy as _

from core.registry import Contributions, NavEntry, Urls

contributions = Contributions(
    urls=(Urls("api/", "api.urls", i18n=False), Urls("api/", "api.docs_urls")),
    navigation=(NavEntry("api_docs:index", _("Open data API"), 50, place="footer"),),
)
