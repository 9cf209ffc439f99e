from django.conf import settings
from django.contrib.auth.views import LoginView, PasswordResetView
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.network import client_ip
from core.throttle import within_limit
from members.access import current_officer
from members.forms import OfficerPasswordResetForm

RESET_WINDOW_SECONDS = 15 * 60


class PortalLoginView(LoginView):
    """After signing in, officers land on their dashboard and staff in the back office."""

    redirect_authenticated_user = True

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
        if not within_limit("password-reset", keys, limit=settings.PASSWORD_RESET_LIMIT, seconds=RESET_WINDOW_SECONDS):
            form.add_error(None, _("Too many password-reset requests. Please wait a quarter of an hour and try again."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


def locked_out(request, original_response=None, credentials=None):
    """What django-axes answers to a locked-out sign-in (AXES_LOCKOUT_CALLABLE): why, for how long, and what to do."""
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT,
               "lockout_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)}
    return render(request, "registration/locked_out.html", context, status=429)
