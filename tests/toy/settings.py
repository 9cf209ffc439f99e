"""The test settings with the toy content type installed: one line in INSTALLED_APPS. Its own SQLite database in
memory, so that the process that runs it never shares a test database with the suite that started it."""

from config.settings.test import *  # noqa: F403
from config.settings.test import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.toy"]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
