from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from association.models import Document


class DocumentFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds")), *Document.Kind.choices])
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1980)

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year and year > timezone.localdate().year + 1:
            raise forms.ValidationError(_("Choose a year up to %(year)d.") % {"year": timezone.localdate().year + 1})
        return year

    def filter(self, documents):
        if self.cleaned_data.get("kind"):
            documents = documents.filter(kind=self.cleaned_data["kind"])
        if self.cleaned_data.get("year"):
            documents = documents.filter(issued_on__year=self.cleaned_data["year"])
        return documents
