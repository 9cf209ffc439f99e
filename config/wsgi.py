"""WSGI entry point, used by gunicorn (`make serve`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

from core.search.segment import warm_up  # noqa: E402

warm_up()  # each worker loads jieba's dictionary as it starts, not in the first search
