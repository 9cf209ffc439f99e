"""Pages for the secretariat's event managers outside the admin: the phone-friendly check-in desk."""

from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from core import scopes
from core.locks import Busy
from core.web.middleware import allow_features
from events.checkin import CheckinResult, delegate_check_in
from events.models import Delegate, Event


@never_cache
@allow_features("camera")  # the phone scans delegates' codes
@login_required
@permission_required("events.change_delegate", raise_exception=True)
def checkin(request, pk):
    event = get_object_or_404(scopes.for_user(Event.objects.published(), request.user), pk=pk)
    result, retry_token = None, ""
    status = 200
    if request.method == "POST":
        try:
            result = delegate_check_in(token=request.POST.get("token", ""), event=event)
            status = 200 if result.ok else 409 if (result.delegate or result.closed) else 404
        except Busy as busy:
            # The desk shows it in place, with the code still typed, so one tap sends it again.
            result, status = CheckinResult(False, str(busy.message)), 503
            retry_token = request.POST.get("token", "")
    present = Delegate.objects.filter(delegation__event=event, checked_in_at__isnull=False).count()
    expected = Delegate.objects.filter(delegation__event=event).confirmed().count()
    context = {"event": event, "result": result, "present": present, "expected": expected, "retry_token": retry_token}
    return render(request, "events/checkin.html", context, status=status)
