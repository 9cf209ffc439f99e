"""Casting a vote: on the desk for a member signed in, or by the personal link each member is sent. Neither page is
ever cached, and neither logs the choice."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.locks import Busy
from core.web import requestlog
from governance import selectors, services
from governance.forms import BallotForm
from governance.models import Motion, RollEntry


@never_cache
@login_required
def vote_list(request):
    entries = list(selectors.votes_for(request.user))
    if not entries and not request.user.mandates.exists():
        raise Http404
    context = {
        "open": [entry for entry in entries if entry.motion.is_open],
        "closed": [entry for entry in entries if entry.motion.is_closed],
        "upcoming": [entry for entry in entries if not entry.motion.is_open and not entry.motion.is_closed],
        "meetings": selectors.meetings_for(request.user),
    }
    return render(request, "governance/portal/vote_list.html", context)


@never_cache
@login_required
def vote_on_desk(request, pk):
    motion = get_object_or_404(Motion.objects.select_related("body", "meeting"), pk=pk, state=Motion.State.OPEN)
    entry = services.roll_entry_for(motion=motion, user=request.user)
    if entry is None:
        raise Http404  # not on this vote's roll: as if there were no such vote
    return _ballot_page(request, entry, motion, done_url=request.path)


@never_cache
def vote_by_link(request, token):
    entry = get_object_or_404(
        RollEntry.objects.select_related("motion", "motion__body", "motion__meeting", "mandate"),
        token=token[:64],
        motion__state=Motion.State.OPEN,
    )
    return _ballot_page(request, entry, entry.motion, done_url=request.path)


def _ballot_page(request, entry, motion, *, done_url):
    requestlog.log_route_only(request)
    form = BallotForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.vote_cast(entry=entry, choice=form.cleaned_data["choice"])
            except ValidationError as error:
                form.add_error(None, error.messages[0])
            except Busy as busy:
                form.add_error(None, busy.message)
                status = 503
            else:
                messages.success(request, _("Your vote has been recorded."))
                return redirect(done_url)
        entry.refresh_from_db()
        status = 400 if status == 200 else status
    context = {
        "motion": motion,
        "entry": entry,
        "form": form,
        "result": selectors.motion_result(motion) if motion.is_closed else None,
        "papers": motion.meeting.papers.all() if motion.meeting_id else [],
    }
    return render(request, "governance/portal/vote.html", context, status=status)
