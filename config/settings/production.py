"""The settings `manage.py`, gunicorn and Celery use: the shared ones, and with DEBUG off what a server on the
internet needs (HTTPS only, HSTS, secure cookies) and error reports to Sentry when SENTRY_DSN is set."""

from config.settings.base import *  # noqa: F403
from config.settings.base import DEBUG, env

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    # HTTPS only: plain HTTP is redirected (but for the health checks a load balancer makes inside the network),
    # and browsers remember for a year to use nothing else.
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz"]
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    # Asking to be on the browsers' preload list commits the whole domain to HTTPS for good: the operator's call.
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS = ["security.W021"]

# /metrics (core/web/metrics.py): Prometheus reads it with "Authorization: Bearer <METRICS_TOKEN>"; staff signed in
# with both steps may read it too. Errors go to Sentry when SENTRY_DSN is set (never with personal data).
METRICS_TOKEN = env("METRICS_TOKEN", default="")
SENTRY_DSN = env("SENTRY_DSN", default="")
if SENTRY_DSN:
    from core.web.errors import start_sentry

    start_sentry(
        SENTRY_DSN,
        environment=env("SENTRY_ENVIRONMENT", default="production"),
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )
