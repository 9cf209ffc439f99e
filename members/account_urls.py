"""Sign in and out, accept an invitation, reset a forgotten password."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from members import account_views
from members.account_views import PortalLoginView, ThrottledPasswordResetView

urlpatterns = [
    path("login/", PortalLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("two-step/", account_views.second_step, name="two_factor"),
    path("two-step/setup/", account_views.second_step_setup, name="two_factor_setup"),
    path("two-step/backup-codes/", account_views.backup_codes_renew, name="two_factor_backup_codes"),
    path("two-step/turn-off/", account_views.second_step_turn_off, name="two_factor_turn_off"),
    path(
        "invitation/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="registration/invitation_confirm.html",
            success_url=reverse_lazy("portal:dashboard"),
            post_reset_login=True,
            post_reset_login_backend="members.auth.PortalBackend",
        ),
        name="accept_invitation",
    ),
    path("password/reset/", ThrottledPasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"
    ),
    path("password/reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("password/change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("password/change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
]
