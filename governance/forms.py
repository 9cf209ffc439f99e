from django import forms
from django.utils.translation import gettext_lazy as _

from governance.models import Choice


class BallotForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("Your vote"),
        choices=Choice.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose in favour, against or abstain."),
            "invalid_choice": _("Choose in favour, against or abstain."),
        },
    )
