from django.contrib.auth.views import LoginView
from django.urls import reverse

from members.access import current_officer


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
