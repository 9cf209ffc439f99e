"""The officer's registration of their city's delegation: /portal/events/<id>/delegation/."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import model_to_dict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.locks import Busy
from events import services
from events.models import Delegation, Event
from events.portal_forms import DELEGATE_FIELDS, DelegateFormSet, DelegationForm
from members.access import officer_required


def _people(formset):
    people = []
    for form in formset.forms:
        data = dict(form.cleaned_data)
        if not data or data.pop("DELETE", False):
            continue
        people.append(data)
    return people


@never_cache
@officer_required
def delegation(request, pk, officer):
    event = get_object_or_404(Event.objects.published().select_related("series", "host_city"), pk=pk)
    current = (Delegation.objects.filter(event=event, city=officer.city).active()
               .prefetch_related("delegates").first())
    editable = current.is_active and event.changes_allowed() if current else event.is_open_for_registration
    posted = request.method == "POST"

    if posted and "withdraw" in request.POST and current:
        try:
            services.delegation_withdraw(delegation=current, by=request.user, reason=_("Withdrawn by the liaison officer"))
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect(request.path)
        except Busy as busy:
            messages.error(request, busy.message)
            return redirect(request.path)
        messages.success(request, _("Your delegation has been withdrawn."))
        return redirect("portal:dashboard")

    initial_people = [model_to_dict(d, fields=DELEGATE_FIELDS) for d in current.delegates.all()] if current else None
    formset = DelegateFormSet(request.POST if posted else None, initial=initial_people, prefix="delegates", event=event)
    form = DelegationForm(request.POST if posted else None, initial={"remarks": current.remarks} if current else None)
    status = 200
    if posted:
        status = 400
        if not editable:
            form.add_error(None, _("This registration can no longer be changed online; please call the secretariat."))
        elif form.is_valid() and formset.is_valid():
            try:
                people = _people(formset)
                if current:
                    services.delegation_change(delegation=current, officer=officer, delegates=people,
                                               remarks=form.cleaned_data["remarks"])
                else:
                    services.delegation_register(event=event, officer=officer, delegates=people,
                                                 remarks=form.cleaned_data["remarks"], consent=form.cleaned_data["consent"])
            except ValidationError as error:
                form.add_error(None, error)
            except Busy as busy:
                # Nothing was saved; the form keeps what the officer typed, so sending it again is one click.
                form.add_error(None, busy.message)
                status = 503
            else:
                messages.success(request, _("Your delegation has been saved."))
                return redirect(request.path)

    past = Delegation.objects.filter(event=event, city=officer.city).ended()
    context = {
        "event": event, "officer": officer, "delegation": current, "editable": editable, "form": form, "formset": formset,
        "transitions": current.transitions.select_related("by") if current else [],
        "past_delegations": past, "show_codes": current is not None and current.state == Delegation.State.CONFIRMED,
    }
    return render(request, "events/portal/delegation.html", context, status=status)
