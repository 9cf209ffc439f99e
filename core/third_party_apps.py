"""Third-party apps under names staff understand in the admin (INSTALLED_APPS names these configurations)."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _


class SignInLockoutsConfig(AxesAppConfig):
    """django-axes."""

    verbose_name = _("Sign-in lock-outs")
