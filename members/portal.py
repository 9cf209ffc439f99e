"""The liaison officer's own pages under /portal/: only their city, only their details."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from members import desk, selectors, services, two_factor
from members.access import officer_required
from members.forms import OfficerContactForm


@never_cache
@officer_required
def dashboard(request, officer):
    form = OfficerContactForm(request.POST or None, instance=officer)
    if request.method == "POST":
        if form.is_valid():
            services.officer_update_contact(officer=officer, by=request.user, data=form.cleaned_data)
            messages.success(request, _("Your contact details have been saved."))
            return redirect("portal:dashboard")
        officer.refresh_from_db()
    context = {
        "officer": officer,
        "city": officer.city,
        "form": form,
        "colleagues": officer.city.officers.current().exclude(pk=officer.pk).only("name", "name_latin", "position"),
        "desk_sections": desk.sections_for(officer),
        "two_step_on": two_factor.has_authenticator(request.user),
        "sms": selectors.sms_for(officer),
    }
    return render(request, "members/portal/dashboard.html", context, status=400 if form.errors else 200)


@require_POST
@officer_required
def sms(request, officer):
    """Turn urgent notices by SMS on (ticking the consent) or off."""
    on = request.POST.get("sms") == "on"
    if on and request.POST.get("consent") != "yes":
        messages.error(request, _("Tick the box to agree to receive text messages, then turn SMS on."))
        return redirect("portal:dashboard")
    try:
        services.officer_set_sms(officer=officer, on=on, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("portal:dashboard")
    messages.success(request, _("Urgent notices now also come by SMS.") if on else _("SMS is off."))
    return redirect("portal:dashboard")
