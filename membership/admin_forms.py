"""The forms of the back office's membership pages; each one feeds a service."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.media.uploads import validate_document
from members.models import MembershipLevel
from membership.models import DuesNotice

MAX_STATEMENT_BYTES = 10 * 1024 * 1024


def this_year():
    return timezone.localdate().year


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, initial=this_year)


class ArrearsFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)


class IssueNoticesForm(YearForm):
    due_on = forms.DateField(
        label=_("Due on"),
        initial=lambda: datetime.date(this_year(), 3, 31),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )


class PaymentForm(forms.Form):
    amount = forms.DecimalField(label=_("Amount (yuan)"), max_digits=12, decimal_places=2, min_value=0)
    paid_on = forms.DateField(
        label=_("Date received"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    bank_reference = forms.CharField(label=_("Bank reference"), max_length=60, required=False)

    def clean_paid_on(self):
        paid_on = self.cleaned_data["paid_on"]
        if paid_on > timezone.localdate():
            raise forms.ValidationError(_("A payment cannot be received in the future."))
        return paid_on


class WaiverForm(forms.Form):
    amount = forms.DecimalField(label=_("Amount waived (yuan)"), max_digits=12, decimal_places=2, min_value=0)
    reason = forms.CharField(label=_("Reason and decision"), widget=forms.Textarea(attrs={"rows": 3}))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class StatementForm(forms.Form):
    file = forms.FileField(label=_("Bank statement (CSV or XLSX)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = (upload.name or "").lower()
        if not name.endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload the statement as CSV or XLSX, as the bank exports it."))
        if upload.size > MAX_STATEMENT_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB: export a shorter period."))
        if name.endswith(".xlsx"):
            validate_document(upload)
        return upload


class MatchRowForm(forms.Form):
    notice = forms.ModelChoiceField(label=_("Dues notice"), queryset=DuesNotice.objects.none())

    def __init__(self, *args, row=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notice"].queryset = (
            DuesNotice.objects.outstanding().select_related("city").order_by("city__name", "year")
        )
        self.fields["notice"].label_from_instance = lambda notice: (
            f"{notice.city.name} {notice.year} {notice.reference} (¥{notice.outstanding})"
        )


class ReviewForm(forms.Form):
    recommend = forms.TypedChoiceField(
        label=_("Secretariat's opinion"),
        choices=[("yes", _("Put it to the council")), ("no", _("Turn it down"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note (the applicant reads it when turned down)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DecisionForm(forms.Form):
    approved = forms.TypedChoiceField(
        label=_("Council's decision"),
        choices=[("yes", _("Approved")), ("no", _("Not approved"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    level = forms.ChoiceField(label=_("Membership level decided"), choices=MembershipLevel.choices)
    meeting = forms.CharField(
        label=_("Meeting"), max_length=200, help_text=_("E.g. the third meeting of the fifth council.")
    )
    resolution = forms.CharField(label=_("Resolution"), max_length=200, required=False)
    decided_on = forms.DateField(
        label=_("Decided on"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
