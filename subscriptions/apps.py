from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "subscriptions"
    verbose_name = _("E-mail subscriptions")

    def ready(self):
        from django.db.models.signals import post_save

        from core.mail.outbox import refused
        from publications.models import Issue
        from subscriptions import receivers

        post_save.connect(receivers.issue_saved, sender=Issue, dispatch_uid="subscriptions.issue_saved")
        refused.connect(receivers.addresses_refused, dispatch_uid="subscriptions.addresses_refused")
