from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import Event


class EventFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds")), *Event.Kind.choices])
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)

    def filter(self, events):
        if self.cleaned_data.get("kind"):
            events = events.filter(kind=self.cleaned_data["kind"])
        if self.cleaned_data.get("year"):
            events = events.filter(starts_at__year=self.cleaned_data["year"])
        return events
