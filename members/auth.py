"""Sign-in for liaison officers: by username or e-mail, and only while their appointment lasts."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from members.models import LiaisonOfficer


def _with_officer_counts(queryset):
    """Whether the account has been an officer, and whether it is one today: two EXISTS, no GROUP BY over the
    user's columns (read on every signed-in request)."""
    today = timezone.localdate()
    roles = LiaisonOfficer.objects.filter(user=OuterRef("pk"))
    current = roles.filter(Q(ended_on__isnull=True) | Q(ended_on__gt=today), is_active=True)
    return queryset.annotate(has_officer_roles=Exists(roles), has_current_officer_roles=Exists(current))


class PortalBackend(ModelBackend):
    """ModelBackend, plus: an account whose every officer appointment has ended may not sign in,
    and an open session of such an account stops working on its next request."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        User = get_user_model()
        matches = list(
            _with_officer_counts(User._default_manager.filter(Q(username=username) | Q(email__iexact=username)))[:2]
        )
        if len(matches) != 1:
            User().set_password(password)  # same work as a real check, so timing tells nothing
            return None
        user = matches[0]
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def user_can_authenticate(self, user):
        if not super().user_can_authenticate(user):
            return False
        if not hasattr(user, "has_officer_roles"):
            user = _with_officer_counts(type(user)._default_manager.filter(pk=user.pk)).get()
        return not user.has_officer_roles or user.has_current_officer_roles

    def get_user(self, user_id):
        User = get_user_model()
        user = _with_officer_counts(User._default_manager.filter(pk=user_id)).first()
        return user if user is not None and self.user_can_authenticate(user) else None
