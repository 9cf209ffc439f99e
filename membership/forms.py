from django import forms
from django.utils.translation import gettext_lazy as _

from core.media.uploads import validate_pdf
from membership.models import Application


class ApplicationForm(forms.ModelForm):
    """The public application to join; the letter is checked like every upload (a real PDF, within the limit)."""

    consent = forms.BooleanField(
        label=_("I confirm that the city government has decided to apply and that the letter is signed and sealed."),
    )

    class Meta:
        model = Application
        fields = [
            "city_name",
            "region",
            "city_level",
            "intended_level",
            "contact_name",
            "contact_position",
            "contact_phone",
            "contact_email",
            "letter",
            "note",
        ]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def clean_city_name(self):
        return " ".join(self.cleaned_data["city_name"].split())

    def clean_letter(self):
        letter = self.cleaned_data["letter"]
        validate_pdf(letter)
        return letter


class CertificateLookupForm(forms.Form):
    number = forms.CharField(label=_("Certificate number"), max_length=20, min_length=4)

    def clean_number(self):
        return self.cleaned_data["number"].strip().upper()
