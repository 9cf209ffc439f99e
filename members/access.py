"""The officer behind a request: every portal view starts here."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from members.models import LiaisonOfficer


def current_officer(user):
    officer = LiaisonOfficer.objects.current().select_related("city", "city__region").filter(user=user).first()
    if officer is not None:
        officer.user = user  # the request's user, already loaded: not read again
    return officer


def speaks_for(user, city):
    """The one test of "an officer of this city": the user holds a current appointment for it."""
    return LiaisonOfficer.objects.current().filter(user=user, city=city).exists()


def officer_required(view):
    """Signed in, and a current liaison officer: the view gets `officer` and sees only that city."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        officer = current_officer(request.user)
        if officer is None:
            raise PermissionDenied
        return view(request, *args, officer=officer, **kwargs)

    return wrapper
