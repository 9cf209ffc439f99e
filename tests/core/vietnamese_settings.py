"""The test settings with one more content language, as an operator would add it: a line in LANGUAGES and in
CONTENT_LANGUAGES. Used by test_content_languages.py in a separate process (models are built once per process)."""

from config.settings.test import *  # noqa: F403
from config.settings.test import CONTENT_LANGUAGES, LANGUAGES

LANGUAGES = [*LANGUAGES, ("vi", "Tiếng Việt")]
CONTENT_LANGUAGES = [*CONTENT_LANGUAGES, "vi"]
