"""Settings of the processes the stack tests start (gunicorn, Celery worker and beat): the real settings, read from
the environment the test gives them, with the test suite's password hasher and plain static files."""

from django.conf import global_settings

from config.settings.base import STORAGES
from config.settings.production import *  # noqa: F403

PASSWORD_HASHERS = [*global_settings.PASSWORD_HASHERS, "django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True
