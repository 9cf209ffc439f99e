from django import forms
from django.utils.translation import gettext_lazy as _

from surveys.models import SCORE_MAX


class NomineeForm(forms.Form):
    officer = forms.ModelChoiceField(
        label=_("Nominee"),
        queryset=None,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the officer your city nominates.")},
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = candidates
        self.fields["officer"].label_from_instance = lambda officer: f"{officer.name}（{officer.position}）"


class NomineeNameForm(forms.Form):
    name = forms.CharField(
        label=_("Nominee"), max_length=200, error_messages={"required": _("Name what your city nominates.")}
    )

    def __init__(self, *args, label="", **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["name"].label = label


class ScoresForm(forms.Form):
    """A score from 0 to SCORE_MAX per criterion."""

    def __init__(self, *args, criteria, initial_scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"c{criterion.pk}"] = forms.IntegerField(
                label=criterion.i18n.name,
                min_value=0,
                max_value=SCORE_MAX,
                initial=(initial_scores or {}).get(criterion.pk),
                help_text=_("Counts with weight %(weight)s.") % {"weight": criterion.weight.normalize()}
                if criterion.weight
                else _("Collected as a view; not counted."),
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )

    def values(self):
        return {criterion.pk: self.cleaned_data[f"c{criterion.pk}"] for criterion in self.criteria}
