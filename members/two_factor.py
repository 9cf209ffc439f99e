"""Two-step sign-in (django-otp): a code from an authenticator app (TOTP) or a one-time backup code, after the
password. Every staff account needs it for the back office; liaison officers may turn it on for their desk.

The password step is Django's own sign-in; until the second step is done, the session may read public pages but
the middleware below sends every request for the back office or the desk to the code page, and so does any
permission check elsewhere (the check-in desk, a draft's preview, a staff download): a password alone unlocks
nothing that staff permissions give.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject, empty
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django_otp import DEVICE_ID_SESSION_KEY, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core import registry
from core.web.middleware import DATABASE_ERRORS, database_unavailable

BACKUP_CODES = 10
AUTHENTICATOR = "authenticator"
BACKUP = "backup codes"


def _protected_paths() -> re.Pattern[str]:
    prefixes = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
    return re.compile(rf"^/(?:(?:{prefixes})/)?(?:admin|portal)/|^/(?:(?:{prefixes})/)?accounts/password/change/")


def needs_second_step(user: AbstractBaseUser) -> bool:
    """Staff always; anyone else once they have turned it on (have a confirmed device). Asked on every request to
    the desk: one query over both kinds of device, where django_otp's user_has_device reads each kind's table."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    confirmed = Q(totpdevice__confirmed=True) | Q(staticdevice__confirmed=True)
    return get_user_model()._default_manager.filter(confirmed, pk=user.pk).exists()


def is_verified(request: HttpRequest) -> bool:
    return request.user.is_authenticated and request.user.is_verified()


def has_authenticator(user: AbstractBaseUser) -> bool:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return default


class SecondStepRequired(Exception):
    """A permission was asked of a session that still owes its second step."""

    silent_variable_failure = True  # in a template, {{ perms.news.change_article }} is simply false


def second_step_pending(user: AbstractBaseUser) -> bool:
    """Signed in with the password, and the second step still owed. Whether it is needed at all is asked once a
    request (kept on the user object): the desk checks permissions many times a page."""
    if not user.is_authenticated or user.is_verified():
        return False
    needed = getattr(user, "_needs_second_step", None)
    if needed is None:
        needed = user._needs_second_step = needs_second_step(user)  # type: ignore[attr-defined]
    return needed


def _guarded(user: AbstractBaseUser) -> AbstractBaseUser:
    """The user, whose checks of a staff permission raise SecondStepRequired while the session owes its second
    step. Reading members-only pages (the members permissions the apps declare) is not a staff power and stays as
    it was. Asked at each check, so a session verified during the request has its permissions at once."""
    if not user.is_authenticated:
        return user
    has_perm, has_module_perms = user.has_perm, user.has_module_perms

    def guarded_has_perm(perm, obj=None):
        if perm not in registry.members_permissions() and second_step_pending(user):
            raise SecondStepRequired
        return has_perm(perm, obj)

    def guarded_has_module_perms(app_label):
        if second_step_pending(user):
            raise SecondStepRequired
        return has_module_perms(app_label)

    user.has_perm = guarded_has_perm  # type: ignore[method-assign]  # has_perms asks has_perm for each
    user.has_module_perms = guarded_has_module_perms  # type: ignore[method-assign]
    return user


class SecondStepRequiredMiddleware:
    """After django_otp's OTPMiddleware: a session that has signed in with its password only is sent to the code
    page (or, for staff without an authenticator yet, to setting one up) before the back office or the desk, and
    wherever else a page asks for a permission (SecondStepRequired)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.protected = _protected_paths()

    def __call__(self, request):
        if self.protected.match(request.path_info) and not request.path_info.endswith("/logout/"):
            try:
                if second_step_pending(request.user):
                    return _to_second_step(request)
            except DATABASE_ERRORS as error:  # the session and devices are in the database
                return database_unavailable(request, error)
        lazy_user = request.user  # still lazy: no query for a request that never looks at its user
        request.user = SimpleLazyObject(lambda: _guarded(_unwrapped(lazy_user)))
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, SecondStepRequired):
            return _to_second_step(request)
        return None


def _unwrapped(user):
    if isinstance(user, SimpleLazyObject):
        if user._wrapped is empty:
            user._setup()
        return user._wrapped
    return user


def _to_second_step(request: HttpRequest):
    return redirect(f"{reverse('two_factor')}?{_next_query(request)}")


def _next_query(request: HttpRequest) -> str:
    return urlencode({"next": request.get_full_path()})


# --- changes of state (the views and the admin action call these) ---


def authenticator_for_setup(*, user: AbstractBaseUser) -> TOTPDevice:
    """The unconfirmed authenticator being set up, made once so the QR code stays the same across reloads."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=AUTHENTICATOR).first()
    return device or TOTPDevice.objects.create(user=user, confirmed=False, name=AUTHENTICATOR)


@transaction.atomic
def authenticator_confirm(*, request: HttpRequest, device: TOTPDevice, code: str) -> list[str] | None:
    """The first code from the app proves it holds the secret: the device replaces any earlier one, new backup
    codes are made, and this session counts as verified. The backup codes, or None when the code was wrong."""
    if not device.verify_token(normalised_code(code)):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    codes = backup_codes_renew(user=device.user)
    otp_login(request, device)
    return codes


@transaction.atomic
def backup_codes_renew(*, user: AbstractBaseUser) -> list[str]:
    """Ten new one-time codes for when the phone is not at hand; the old ones stop working."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name=BACKUP, defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def second_step_verify(*, request: HttpRequest, code: str) -> bool:
    """A code from the authenticator or an unused backup code marks this session verified (backup codes are used
    up). django-otp slows down repeated failures per device."""
    device = match_token(request.user, normalised_code(code))
    if device is None:
        return False
    otp_login(request, device)
    return True


@transaction.atomic
def second_step_reset(*, user: AbstractBaseUser) -> int:
    """Remove every device of the account (a lost phone): staff set up a new authenticator at their next
    sign-in, officers sign in with their password alone until they turn it on again. How many were removed."""
    removed = 0
    for model in (TOTPDevice, StaticDevice):
        removed += model.objects.filter(user=user).delete()[1].get(model._meta.label, 0)
    return removed


def normalised_code(code: str) -> str:
    """As people type codes: with spaces or a dash in the middle, backup codes in capitals."""
    return re.sub(r"[\s-]", "", code).lower()


def authenticator_issuer(device: TOTPDevice) -> str:
    """The account's name in the authenticator app (OTP_TOTP_ISSUER): the association's short name."""
    from core.site import profile

    association = profile()
    return getattr(association, "short_name", "") or getattr(association, "name", "") or "Portal"


def forget_verification(request: HttpRequest) -> None:
    request.session.pop(DEVICE_ID_SESSION_KEY, None)


def default_after_sign_in(user: AbstractBaseUser) -> str:
    return reverse("admin:index") if user.is_staff else reverse("portal:dashboard")


def redirect_after(request: HttpRequest):
    return redirect(safe_next(request, default_after_sign_in(request.user)))
