from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Shared infrastructure under every app: it imports no domain app (import-linter checks this)."""

    name = "core"
    verbose_name = _("Site infrastructure")

    def ready(self):
        from core import admin_labels, jobs, pagecache, security, tasks

        admin_labels.install()
        jobs.connect_request_signals()
        security.connect_signals()
        pagecache.connect_signals()
        jobs.run_in_process_periodically(tasks.sweep_outbox)

