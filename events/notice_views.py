"""A meeting notice on the officer's desk: reading it (recorded), its attachment, and the city's reply."""

import os

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from events import notice_services
from events.models import Delegation, NoticeRecipient
from members.access import officer_required


class ReplyForm(forms.Form):
    reply = forms.ChoiceField(
        label=_("Your city's reply"), choices=NoticeRecipient.Reply.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Reason (if your city will not attend)"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def _copy_for(officer, pk):
    return get_object_or_404(
        NoticeRecipient.objects.select_related("notice", "notice__event", "notice__event__series"),
        notice_id=pk,
        city=officer.city,
    )


@never_cache
@officer_required
def notice(request, pk, officer):
    recipient = notice_services.notice_mark_read(recipient=_copy_for(officer, pk), officer=officer)
    initial = {"reply": recipient.reply, "reason": recipient.reason} if recipient.reply else None
    form = ReplyForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                notice_services.notice_reply(
                    recipient=recipient,
                    officer=officer,
                    reply=form.cleaned_data["reply"],
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Your reply has been sent to the secretariat."))
                if form.cleaned_data["reply"] == NoticeRecipient.Reply.ATTEND:
                    return redirect("delegations:edit", recipient.notice.event_id)
                return redirect(request.path)
    event = recipient.notice.event
    context = {
        "recipient": recipient,
        "notice": recipient.notice,
        "event": event,
        "form": form,
        "registered": Delegation.objects.filter(event=event, city=officer.city).active().exists(),
    }
    return render(request, "events/portal/notice.html", context, status=status)


@never_cache
@officer_required
def notice_attachment(request, pk, officer):
    notice = _copy_for(officer, pk).notice
    if not notice.attachment:
        raise Http404
    try:
        handle = notice.attachment.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    extension = os.path.splitext(notice.attachment.name)[1].lower()
    response = FileResponse(handle, as_attachment=True, filename=f"{notice.title}{extension}")
    response["Cache-Control"] = "private, no-store"
    return response
