from django import forms
from django.utils.translation import gettext_lazy as _


class ArticleFilterForm(forms.Form):
    """Optional narrowing of a news list by year; a bad value is a 400 with this message."""

    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)

    def filter(self, articles):
        if self.cleaned_data.get("year"):
            articles = articles.filter(publish_at__year=self.cleaned_data["year"])
        return articles
