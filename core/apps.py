from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Shared infrastructure under every app: it imports no domain app (import-linter checks this), and reads what
    the apps contribute from their declarations (core/registry.py)."""

    name = "core"
    verbose_name = _("Site infrastructure")

    def ready(self) -> None:
        from django.utils.module_loading import import_string

        from core import integrity, jobs, registry, scopes
        from core.backoffice import admin_labels, figures
        from core.search import signals as search_signals
        from core.web import pagecache, security

        admin_labels.install()
        jobs.connect_request_signals()
        security.connect_signals()
        pagecache.connect_signals()
        figures.connect_signals()
        search_signals.follow_kinds()
        # Every app's models are loaded by now (Django calls ready() once all are), so the declarations' dotted
        # paths can be followed.
        for contribution in registry.each():
            registry.call_all(contribution.search)
            for content_type in contribution.content_types:
                if content_type.scanned:
                    integrity.register(content_type.model_class(), content_type.published_queryset)
        scopes.register_rules()
        for function in registry.next_change_functions():
            pagecache.register_next_change(function)
        for job in registry.periodic_jobs():
            if job.in_process:
                jobs.run_in_process_periodically(import_string(job.task))
