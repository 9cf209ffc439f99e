"""The jury's pages (/portal/jury/): a juror's calls, the nominations to score (never their own city's, by any
address), and the score form. Jurors are staff or outside experts with accounts; they need no other permission."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.locks import Busy
from surveys import nominations
from surveys.forms import ScoresForm
from surveys.models import Juror, Score


@never_cache
@login_required
def seats(request):
    found = Juror.objects.filter(user=request.user).select_related("call", "call__questionnaire")
    if not found:
        raise Http404
    return render(request, "surveys/jury/seats.html", {"seats": found})


def _seat(request, call_pk):
    return get_object_or_404(
        Juror.objects.select_related("call", "call__questionnaire"), user=request.user, call_id=call_pk
    )


@never_cache
@login_required
def call_nominations(request, call_pk):
    juror = _seat(request, call_pk)
    found = list(nominations.nominations_for(juror))
    scored = set(Score.objects.filter(juror=juror).values_list("nomination_id", flat=True))
    rows = [(nomination, nomination.pk in scored) for nomination in found]
    return render(request, "surveys/jury/nominations.html", {"juror": juror, "rows": rows})


@never_cache
@login_required
def score(request, call_pk, pk):
    juror = _seat(request, call_pk)
    nomination = get_object_or_404(nominations.nominations_for(juror), pk=pk)  # another city's, or a 404
    criteria = list(juror.call.criteria.all())
    given = dict(Score.objects.filter(juror=juror, nomination=nomination).values_list("criterion_id", "value"))
    form = ScoresForm(request.POST or None, criteria=criteria, initial_scores=given)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                nominations.scores_save(juror=juror, nomination=nomination, values=form.values())
            except (ValidationError, PermissionDenied) as error:
                form.add_error(None, getattr(error, "messages", [_("You may not do this.")])[0])
            except Busy as busy:
                form.add_error(None, busy.message)
                status = 503
            else:
                messages.success(request, _("Your scores have been saved."))
                return redirect("jury:nominations", juror.call_id)
    questions = list(juror.call.questionnaire.form.questions_in_order())
    answers = nomination.response.answers
    shown = [(question, answers.get(question.key)) for question in questions if question.key in answers]
    context = {"juror": juror, "nomination": nomination, "form": form, "answers": shown}
    return render(request, "surveys/jury/score.html", context, status=status)
