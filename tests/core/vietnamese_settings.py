"""The test settings with one more content language, as an operator would add it: a line in LANGUAGES and in
CONTENT_LANGUAGES. Used in processes of their own (models are built once per process) by
test_content_languages.py and test_every_language.py, on an SQLite database in memory so that such a process never
shares a test database with the suite that started it."""

from config.settings.test import *  # noqa: F403
from config.settings.test import CONTENT_LANGUAGES, LANGUAGES

LANGUAGES = [*LANGUAGES, ("vi", "Tiếng Việt")]
CONTENT_LANGUAGES = [*CONTENT_LANGUAGES, "vi"]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
