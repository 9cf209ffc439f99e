from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from news.models import Category
from publications.models import Periodical
from subscriptions.models import Subscriber


class TopicsForm(forms.Form):
    categories = forms.ModelMultipleChoiceField(
        label=_("News"),
        queryset=Category.objects.filter(parent__isnull=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    periodicals = forms.ModelMultipleChoiceField(
        label=_("Periodicals: each new issue"),
        queryset=Periodical.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    events = forms.BooleanField(label=_("New meetings and events"), required=False)
    frequency = forms.ChoiceField(
        label=_("News digest"),
        choices=Subscriber.Frequency.choices,
        initial=Subscriber.Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )

    def clean(self):
        data = super().clean()
        if not (data.get("categories") or data.get("periodicals") or data.get("events")):
            raise forms.ValidationError(_("Choose at least one thing to follow."), code="nothing_chosen")
        return data


class SubscribeForm(TopicsForm):
    field_order = ["email", "categories", "periodicals", "events", "frequency", "consent"]

    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    consent = forms.BooleanField(
        label=_("I agree that the association keeps this address to send me what I chose, as the privacy notice says."),
        error_messages={"required": _("Please agree to the privacy notice, or we cannot send you anything.")},
    )

    def privacy_url(self):
        return reverse("association:page", args=["privacy"])
