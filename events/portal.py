"""Registering a delegation: the officer's page for their city (/portal/events/<id>/delegation/) and the guest's
page behind a personal link (/guests/<token>/). Both are one page over the same form and the same services."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.forms import model_to_dict
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.locks import Busy
from events import services
from events.models import Delegate, Delegation, Event, GuestInvitation, RegistrationWindow
from events.portal_forms import DELEGATE_FIELDS, DelegateFormSet, DelegationForm
from members.access import officer_required


def _with_rooms():
    """The delegates with the hotel the secretariat gave each, for the summary (one query for both)."""
    return Prefetch("delegates", queryset=Delegate.objects.select_related("hotel"))


def people_of(formset):
    """The delegates a valid formset describes, without those marked for deletion."""
    people = []
    for form in formset.forms:
        data = dict(form.cleaned_data)
        if not data or data.pop("DELETE", False):
            continue
        people.append(data)
    return people


@dataclass
class RegistrationPage:
    """What differs between the officer's page and the guest's: who registers, and what the services are told."""

    event: Event
    current: Delegation | None
    party_name: str
    can_register: bool
    register: Callable[[list[dict[str, Any]], dict[str, Any]], Delegation]
    change: Callable[[list[dict[str, Any]], dict[str, Any]], Delegation]
    withdraw: Callable[[], Delegation]
    after_withdrawal: str
    context: dict[str, Any]


def error_summary(form, formset):
    """[(anchor, text)] of everything to correct, for the summary at the top of the form: each links to its field."""
    items = [("delegates", str(error)) for error in formset.non_form_errors()]
    items += [("delegates", str(error)) for error in form.non_field_errors()]
    for number, delegate in enumerate(formset.forms, start=1):
        for name, errors in delegate.errors.items():
            if name == "__all__":
                items += [
                    (f"delegate-{number}", _("Delegate %(number)d: %(error)s") % {"number": number, "error": e})
                    for e in errors
                ]
                continue
            label = delegate.fields[name].label
            items += [
                (
                    delegate[name].auto_id,
                    _("Delegate %(number)d, %(field)s: %(error)s") % {"number": number, "field": label, "error": error},
                )
                for error in errors
            ]
    for name, errors in form.errors.items():
        if name != "__all__":
            items += [(form[name].auto_id, f"{form.fields[name].label}: {error}") for error in errors]
    return items


def _answer(request, page: RegistrationPage):
    event, current = page.event, page.current
    editable = current.is_active and event.changes_allowed() if current else page.can_register
    posted = request.method == "POST"

    if posted and "withdraw" in request.POST and current:
        try:
            page.withdraw()
        except (ValidationError, Busy) as error:
            messages.error(request, error.message if isinstance(error, Busy) else error.messages[0])
            return redirect(request.path)
        messages.success(request, _("Your delegation has been withdrawn."))
        return redirect(page.after_withdrawal)

    if current:
        initial_people = [model_to_dict(d, fields=DELEGATE_FIELDS) for d in current.delegates.all()]
    else:  # the first delegate named usually leads the delegation
        initial_people = [{"is_head": True}]
    formset = DelegateFormSet(request.POST if posted else None, initial=initial_people, prefix="delegates", event=event)
    form = DelegationForm(
        request.POST if posted else None,
        initial={"remarks": current.remarks} if current else None,
        consent_needed=current is None,
    )
    status = 200
    if posted:
        status = 400
        if not editable:
            form.add_error(None, _("This registration can no longer be changed online; please call the secretariat."))
        elif form.is_valid() and formset.is_valid():
            try:
                (page.change if current else page.register)(people_of(formset), form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            except Busy as busy:
                # Nothing was saved; the form keeps what was typed, so sending it again is one click.
                form.add_error(None, busy.message)
                status = 503
            else:
                messages.success(request, _("Your delegation has been saved."))
                return redirect(request.path)

    context = {
        # After a save the page is a summary of what was registered; the form comes back with "change" (?edit).
        "summary": current is not None and not posted and "edit" not in request.GET,
        "error_summary": error_summary(form, formset) if posted else [],
        "event": event,
        "party_name": page.party_name,
        "delegation": current,
        "editable": editable,
        "form": form,
        "formset": formset,
        "transitions": current.transitions.select_related("by") if current else [],
        "show_codes": current is not None and current.state == Delegation.State.CONFIRMED,
        **page.context,
    }
    return render(request, "events/portal/delegation.html", context, status=status)


@never_cache
@officer_required
def delegation(request, pk, officer):
    event = get_object_or_404(Event.objects.published().select_related("series", "host_city"), pk=pk)
    current = Delegation.objects.filter(event=event, city=officer.city).active().prefetch_related(_with_rooms()).first()
    page = RegistrationPage(
        event=event,
        current=current,
        party_name=officer.city.i18n.name,
        can_register=event.is_open_for_registration,
        register=lambda people, data: services.delegation_register(
            event=event, officer=officer, delegates=people, remarks=data["remarks"], consent=data["consent"]
        ),
        change=lambda people, data: services.delegation_change(
            delegation=current, officer=officer, delegates=people, remarks=data["remarks"]
        ),
        withdraw=lambda: services.delegation_withdraw(
            delegation=current, by=request.user, reason=_("Withdrawn by the liaison officer")
        ),
        after_withdrawal="portal:dashboard",
        context={"on_desk": True},
    )
    return _answer(request, page)


def _invitation_language(request, invitation):
    """The bare link (/guests/<token>/, Chinese) opened from outside the site, as from a forwarded mail or typed by
    hand, goes to the page in the invitation's language; a guest who chose Chinese on the page keeps it."""
    if request.method != "GET" or invitation.language == settings.LANGUAGE_CODE:
        return None
    if get_language() != settings.LANGUAGE_CODE:
        return None
    came_from = request.headers.get("Referer", "")
    if came_from and url_has_allowed_host_and_scheme(came_from, allowed_hosts={request.get_host()}):
        return None
    return invitation.get_absolute_url()


@never_cache
def guest_registration(request, token):
    """A guest delegation's page: no account, only the personal link, until it expires."""
    invitation = GuestInvitation.objects.select_related("event", "event__series").filter(token=token).first()
    if invitation is None:
        raise Http404(_("There is no such invitation."))
    elsewhere = _invitation_language(request, invitation)
    if elsewhere:
        return redirect(elsewhere)
    if invitation.has_expired:
        response = render(request, "events/guest_expired.html", {"invitation": invitation}, status=410)
        response["X-Robots-Tag"] = "noindex"
        return response
    event = invitation.event
    # As on the officer's page: a withdrawn delegation leaves the link free to register again until it expires.
    current = Delegation.objects.filter(guest=invitation).active().prefetch_related(_with_rooms()).first()
    page = RegistrationPage(
        event=event,
        current=current,
        party_name=str(invitation),
        can_register=RegistrationWindow.open_to_guest(event, invitation, timezone.now()),
        register=lambda people, data: services.delegation_register_guest(
            invitation=invitation, delegates=people, remarks=data["remarks"], consent=data["consent"]
        ),
        change=lambda people, data: services.delegation_change_as_guest(
            invitation=invitation, delegates=people, remarks=data["remarks"]
        ),
        withdraw=lambda: services.delegation_withdraw(
            delegation=current, by=None, invitation=invitation, reason=_("Withdrawn by the guest")
        ),
        after_withdrawal=request.path,
        context={"on_desk": False, "guest": invitation},
    )
    response = _answer(request, page)
    response["X-Robots-Tag"] = "noindex"
    return response
