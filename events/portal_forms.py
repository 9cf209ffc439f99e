from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from events.models import Delegate
from members.models import phone_number

DELEGATE_FIELDS = ["name", "gender", "position", "rank", "is_head", "mobile", "arrival", "arrival_by", "departure",
                   "departure_by", "accommodation", "dietary_needs", "remarks"]


class DelegateForm(forms.ModelForm):
    mobile = forms.CharField(label=_("mobile"), max_length=20, required=False, validators=[phone_number])

    class Meta:
        model = Delegate
        fields = DELEGATE_FIELDS
        widgets = {
            "arrival": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "departure": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "rank": forms.NumberInput(attrs={"min": 1, "max": 99}),
        }

    def clean(self):
        data = super().clean()
        if data.get("arrival") and data.get("departure") and data["departure"] < data["arrival"]:
            self.add_error("departure", _("Departure cannot be before arrival."))
        return data


DelegateFormSet = formset_factory(DelegateForm, extra=0, min_num=1, validate_min=True, max_num=50, validate_max=True,
                                  can_delete=True)


class DelegationForm(forms.Form):
    remarks = forms.CharField(label=_("Remarks for the secretariat"), required=False, max_length=1000,
                              widget=forms.Textarea(attrs={"rows": 3}))
    consent = forms.BooleanField(
        label=_("I confirm that the delegates agree that their data is used to organise this meeting, as described in the privacy notice."),
        required=True,
    )
