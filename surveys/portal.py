"""Questionnaires on the liaison officer's desk (/portal/surveys/): the city's open questionnaires, answered in a
draft saved as often as wanted, submitted once, changed until the deadline."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.locks import Busy
from core.web import requestlog
from members.access import officer_required
from members.models import LiaisonOfficer
from surveys import nominations, selectors, services
from surveys.answer_form import AnswerForm, cell_name
from surveys.forms import NomineeForm, NomineeNameForm
from surveys.models import Nomination, Question, Questionnaire, Response


@never_cache
@officer_required
def questionnaire_list(request, officer):
    return render(request, "surveys/portal/list.html", {"data": selectors.desk_for(officer)})


@never_cache
@officer_required
def answer(request, pk, officer):
    questionnaire = get_object_or_404(Questionnaire.objects.published().select_related("form", "call"), pk=pk)
    if not services.is_for(questionnaire, officer.city):
        raise Http404
    response = services.response_for_city(questionnaire=questionnaire, city=officer.city)
    response.questionnaire = questionnaire  # with its form, read above
    if hasattr(questionnaire, "call") and not Nomination.objects.filter(response=response).exists():
        return redirect("surveys:nominee", questionnaire.pk)  # a nomination names its nominee first
    return answer_page(request, response, by=request.user, done_url=reverse("surveys:answer", args=[questionnaire.pk]))


@never_cache
def answer_by_link(request, token):
    """A questionnaire answered by a personal link, anonymous (forum participants) or sent to named people (council
    members): one answer per link."""
    response = get_object_or_404(
        Response.objects.select_related("questionnaire", "questionnaire__form"),
        token=token[:64],
        questionnaire__state=Questionnaire.State.SENT,
    )
    requestlog.log_route_only(request)
    return answer_page(request, response, by=None, done_url=request.path)


def answer_page(request, response, *, by, done_url):
    """The questionnaire's form for one response: saved as a draft or submitted through the service."""
    questionnaire = response.questionnaire
    questions = list(questionnaire.form.questions_in_order())
    posted = request.method == "POST"
    form = AnswerForm(
        questions, request.POST if posted else None, request.FILES if posted else None, answers=response.answers
    )
    status = 200
    if posted:
        submit = "submit" in request.POST
        status = 400
        if form.is_valid():
            answers = form.answers()
            shown = {question.key for question in form.shown(answers)}
            answers = {key: value for key, value in answers.items() if key in shown}
            file_keys = {question.key for question in questions if question.kind == Question.Kind.FILE}
            files = {key: upload for key, upload in request.FILES.items() if key in shown and key in file_keys}
            if not submit or form.check_required(answers, services.files_kept(response) & shown):
                try:
                    services.response_save(response=response, answers=answers, files=files, submit=submit, by=by)
                except ValidationError as error:
                    form.add_error(None, error.messages[0])
                except Busy as busy:
                    form.add_error(None, busy.message)
                    status = 503
                else:
                    if submit and hasattr(questionnaire, "call"):
                        nominations.nomination_submitted(response=response)
                    messages.success(request, _("Your answers have been submitted.") if submit else _("Draft saved."))
                    return redirect(done_url)
    context = {
        "questionnaire": questionnaire,
        "response": response,
        "form": form,
        "questions": [_question_context(question, form) for question in questions],
        "files": {stored.question_key: stored for stored in response.files.all()},
        "on_desk": by is not None,
        "nomination": (
            Nomination.objects.select_related("officer").filter(response=response).first()
            if hasattr(questionnaire, "call")
            else None
        ),
    }
    return render(request, "surveys/portal/answer.html", context, status=status)


def _question_context(question, form):
    table = []
    if question.kind == Question.Kind.TABLE:
        for row, label in enumerate(question.row_list):
            cells = [
                (column_label, form[cell_name(question.key, row, column)])
                for column, column_label in enumerate(question.column_list)
            ]
            table.append((label, cells))
    return {
        "question": question,
        "field": form[question.key] if question.key in form.fields else None,
        "other": form[f"{question.key}__other__"] if f"{question.key}__other__" in form.fields else None,
        "table": table,
        "errors": form.errors.get(question.key) or (form.errors.get(cell_name(question.key, 0, 0)) if table else None),
        "condition": json.dumps(question.condition, ensure_ascii=False) if question.condition else "",
    }


@never_cache
@officer_required
def nominee(request, pk, officer):
    """Before answering a call for nominations, the city names its nominee among its current officers."""
    questionnaire = get_object_or_404(
        Questionnaire.objects.published().select_related("call"), pk=pk, call__isnull=False
    )
    if not services.is_for(questionnaire, officer.city):
        raise Http404
    call = questionnaire.call
    if call.nominee_kind == call.NomineeKind.OFFICER:
        candidates = LiaisonOfficer.objects.current().filter(city=officer.city).order_by("-is_primary", "name")
        form = NomineeForm(request.POST or None, candidates=candidates)
    else:
        form = NomineeNameForm(request.POST or None, label=call.nominee_label)
    if request.method == "POST" and form.is_valid():
        try:
            nominations.nominee_choose(
                call=call,
                by=officer,
                nominee=form.cleaned_data.get("officer"),
                name=form.cleaned_data.get("name", ""),
            )
        except ValidationError as error:
            form.add_error(None, error.messages[0])
        else:
            return redirect("surveys:answer", questionnaire.pk)
    context = {"questionnaire": questionnaire, "call": call, "form": form}
    return render(request, "surveys/portal/nominee.html", context, status=400 if form.errors else 200)
