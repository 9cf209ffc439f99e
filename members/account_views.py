import base64

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView, PasswordResetView
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import user_has_device

from core.media.qr import qr_svg
from core.web import security
from core.web.network import client_ip
from core.web.throttle import within_limit
from members import two_factor
from members.access import current_officer
from members.forms import OfficerPasswordResetForm, PortalSignInForm, SecondStepCodeForm

RESET_WINDOW_SECONDS = 15 * 60


class PortalLoginView(LoginView):
    """After signing in, officers land on their dashboard and staff in the back office."""

    redirect_authenticated_user = True
    authentication_form = PortalSignInForm

    def get_default_redirect_url(self):
        user = self.request.user
        if current_officer(user):
            return reverse("portal:dashboard")
        if user.is_staff:
            return reverse("admin:index")
        return reverse("association:home")


class ThrottledPasswordResetView(PasswordResetView):
    """Django's reset form, refused (429, nothing sent) after PASSWORD_RESET_LIMIT requests in a quarter of an hour
    from one address or for one e-mail address, so nobody can flood an officer's mailbox or the outbox."""

    form_class = OfficerPasswordResetForm

    def form_valid(self, form):
        keys = [f"ip:{client_ip(self.request)}", f"email:{form.cleaned_data['email'].strip().lower()}"]
        limit, seconds = settings.PASSWORD_RESET_LIMIT, RESET_WINDOW_SECONDS
        if not within_limit("password-reset", keys, limit=limit, seconds=seconds, durable=True):
            form.add_error(None, _("Too many password-reset requests. Please wait a quarter of an hour and try again."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


def locked_out(request, original_response=None, credentials=None):
    """What django-axes answers to a locked-out sign-in (AXES_LOCKOUT_CALLABLE): why, for how long, and what to do."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "lockout_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "registration/locked_out.html", context, status=429)


def _with_next(name, request):
    target = two_factor.safe_next(request, "")
    return f"{reverse(name)}?{urlencode({'next': target})}" if target else reverse(name)


@never_cache
@login_required
def second_step(request):
    """The code page: six digits from the authenticator app, or a backup code."""
    user = request.user
    if two_factor.is_verified(request) or not two_factor.needs_second_step(user):
        return two_factor.redirect_after(request)
    if not user_has_device(user):  # staff who have not set up an authenticator yet
        return redirect(_with_next("two_factor_setup", request))
    form = SecondStepCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor.second_step_verify(request=request, code=form.cleaned_data["code"]):
            return two_factor.redirect_after(request)
        security.record("two-step-failed", request=request, detail="wrong code at the second sign-in step")
        form.add_error(
            "code", _("This code is not right. Type the six digits your app shows now, or one of your backup codes.")
        )
    context = {"form": form, "next": two_factor.safe_next(request, "")}
    return render(request, "registration/two_factor.html", context, status=400 if form.errors else 200)


@never_cache
@login_required
def second_step_setup(request):
    """Setting up an authenticator: scan the QR code (or type the key), then type the first code it shows."""
    user = request.user
    if two_factor.has_authenticator(user) and not two_factor.is_verified(request):
        return redirect(_with_next("two_factor", request))  # replacing it needs the current one first
    device = two_factor.authenticator_for_setup(user=user)
    form = SecondStepCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.authenticator_confirm(request=request, device=device, code=form.cleaned_data["code"])
        if codes is not None:
            return _backup_codes_page(request, codes)
        form.add_error(
            "code",
            _("That code is not right. Check that the time on your phone is right and type the code it shows now."),
        )
    secret = base64.b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "qr": qr_svg(device.config_url),
        "next": two_factor.safe_next(request, ""),
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
    }
    return render(request, "registration/two_factor_setup.html", context, status=400 if form.errors else 200)


def _backup_codes_page(request, codes):
    context = {
        "codes": codes,
        "continue_url": two_factor.safe_next(request, two_factor.default_after_sign_in(request.user)),
    }
    return render(request, "registration/backup_codes.html", context)


@never_cache
@require_POST
@login_required
def backup_codes_renew(request):
    if not two_factor.is_verified(request):
        raise PermissionDenied
    return _backup_codes_page(request, two_factor.backup_codes_renew(user=request.user))


@never_cache
@require_POST
@login_required
def second_step_turn_off(request):
    """Officers may turn two-step sign-in off again (staff may not: the back office needs it)."""
    if request.user.is_staff or not two_factor.is_verified(request):
        raise PermissionDenied
    two_factor.second_step_reset(user=request.user)
    two_factor.forget_verification(request)
    messages.success(request, _("Two-step sign-in is off: you sign in with your password alone."))
    return redirect("portal:dashboard")
