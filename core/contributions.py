"""What the shared infrastructure itself contributes: its periodic jobs and the outbox's catch-all e-mail kind."""

from celery.schedules import crontab
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.registry import Contributions, EmailKind, PeriodicJob, Urls

OTHER = EmailKind("other", _("other"))

contributions = Contributions(
    urls=(Urls("sms/", "core.sms.urls", i18n=False),),
    email_kinds=(OTHER,),
    periodic_jobs=(
        # No pile of sweeps after an outage: a sweep not started within its interval is dropped.
        PeriodicJob(
            "outbox-sweep",
            "core.tasks.sweep_outbox",
            settings.OUTBOX_SWEEP_INTERVAL_SECONDS,
            expires=settings.OUTBOX_SWEEP_INTERVAL_SECONDS,
            in_process=True,
        ),
        PeriodicJob(
            "sms-sweep",
            "core.tasks.sweep_sms",
            settings.OUTBOX_SWEEP_INTERVAL_SECONDS,
            expires=settings.OUTBOX_SWEEP_INTERVAL_SECONDS,
            in_process=True,
        ),
        PeriodicJob("sms-receipts", "core.tasks.sms_receipts", 300, expires=300),
        PeriodicJob("outbox-cleanup", "core.tasks.forget_sent_emails", crontab(hour=3, minute=40)),
        PeriodicJob("content-scan", "core.tasks.scan_content", crontab(hour=4, minute=10)),
        PeriodicJob("security-log-cleanup", "core.tasks.forget_security_events", crontab(hour=3, minute=50)),
    ),
    dashboard_tiles=("core.mail.dashboard.tiles",),
    not_in_figures=(
        "ExportLog",
        "OutgoingEmail",
        "OutgoingSms",
        "SmsOptOut",
        "PeriodicRun",
        "BlockedTerm",
        "SecurityEvent",
    ),
)
