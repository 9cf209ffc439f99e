from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseFormSet, formset_factory
from django.utils.translation import gettext_lazy as _

from core.phones import validate_mobile
from events.models import Delegate
from events.rules import delegate_problems

DELEGATE_FIELDS = [
    "name",
    "name_latin",
    "gender",
    "position",
    "rank",
    "is_head",
    "mobile",
    "arrival",
    "arrival_by",
    "departure",
    "departure_by",
    "accommodation",
    "dietary_needs",
    "remarks",
]


class DelegateForm(forms.ModelForm):
    mobile = forms.CharField(
        label=_("mobile"),
        max_length=20,
        required=False,
        validators=[validate_mobile],
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "off"}),
    )
    gender = forms.ChoiceField(label=_("gender"), choices=Delegate.Gender.choices, widget=forms.RadioSelect)

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


class BaseDelegateFormSet(BaseFormSet):
    """The delegates of one delegation, checked against the meeting's rules (events/rules.py) as a whole."""

    def __init__(self, *args, event=None, **kwargs):
        self.event = event
        super().__init__(*args, **kwargs)

    def clean(self):
        if any(self.errors) or self.event is None:
            return
        people = [form.cleaned_data for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        problems = delegate_problems(self.event, people)
        if problems:
            raise ValidationError(problems)


DelegateFormSet = formset_factory(
    DelegateForm, formset=BaseDelegateFormSet, extra=0, min_num=1, max_num=50, validate_max=True, can_delete=True
)


class DelegationForm(forms.Form):
    remarks = forms.CharField(
        label=_("Remarks for the secretariat"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=_(
            "I confirm that the delegates agree that their data is used to organise this meeting, "
            "as described in the privacy notice."
        ),
        required=True,
    )

    def __init__(self, *args, consent_needed=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not consent_needed:  # given when the delegation was registered; a change does not ask again
            del self.fields["consent"]
