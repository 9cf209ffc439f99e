"""Pages for the secretariat's event managers outside the admin: the phone-friendly check-in desk."""

from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from events.checkin import delegate_check_in
from events.models import Delegate, Event


@never_cache
@login_required
@permission_required("events.change_delegate", raise_exception=True)
def checkin(request, pk):
    event = get_object_or_404(Event.objects.published(), pk=pk)
    result = None
    status = 200
    if request.method == "POST":
        result = delegate_check_in(token=request.POST.get("token", ""), event=event)
        status = 200 if result.ok else 409 if result.delegate else 404
    present = Delegate.objects.filter(delegation__event=event, checked_in_at__isnull=False).count()
    expected = Delegate.objects.filter(delegation__event=event).confirmed().count()
    context = {"event": event, "result": result, "present": present, "expected": expected}
    return render(request, "events/checkin.html", context, status=status)
