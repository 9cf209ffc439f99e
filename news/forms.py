from django import forms
from django.utils.translation import gettext_lazy as _


class ArticleFilterForm(forms.Form):
    """Optional narrowing of a news list by year or to articles with an English version; a bad value is a 400."""

    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)
    english = forms.BooleanField(label=_("Only articles in English"), required=False)

    def filter(self, articles):
        if self.cleaned_data.get("year"):
            articles = articles.filter(publish_at__year=self.cleaned_data["year"])
        if self.cleaned_data.get("english"):
            articles = articles.exclude(title_en="")
        return articles
