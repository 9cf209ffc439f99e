"""Third-party apps under names staff understand in the admin (INSTALLED_APPS names these configurations)."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.apps import DefaultConfig as StaticConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPConfig


class SignInLockoutsConfig(AxesAppConfig):
    """django-axes."""

    verbose_name = _("Sign-in lock-outs")


class AuthenticatorsConfig(TOTPConfig):
    """django-otp's time-based codes (an authenticator app on the phone)."""

    verbose_name = _("Two-step sign-in: authenticator apps")


class BackupCodesConfig(StaticConfig):
    """django-otp's one-time backup codes."""

    verbose_name = _("Two-step sign-in: backup codes")
