"""WSGI entry point, used by gunicorn (`make serve`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

from core.web.warmup import warm_up  # noqa: E402

warm_up()  # URLs, translations, templates and dictionaries now, not in the first requests (core/web/warmup.py)
