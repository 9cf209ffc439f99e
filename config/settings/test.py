"""Settings for the test suite: the real settings with fast hashing, local caches and in-memory mail."""

import os

os.environ.setdefault("DEBUG", "true")

from config.settings.base import STORAGES, VAR_DIR
from config.settings.production import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
# Off for the suite, whose tests change rows with update() and read the pages again; tests/core/test_pagecache.py
# turns it on.
PAGE_CACHE_SECONDS = 0
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run in the test process (embedded mode), whatever REDIS_URL the environment holds; the periodic sweep runs
# only where a test calls it, so that no request's query count depends on the clock.
CELERY_BROKER_URL = ""
OUTBOX_SWEEP_IN_PROCESS = False
# One folder per pytest-xdist worker, so that parallel tests never clear each other's files.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
MEDIA_ROOT = VAR_DIR / f"test-media{WORKER}"
# Identical demo photos are encoded once per test process (core/media/renditions.py), not once per test that loads them.
RENDITIONS_MEMO = True
STORAGES = {
    **STORAGES,
    "documents": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": VAR_DIR / f"test-private{WORKER}", "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
