from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from association.search import query as search_query


class ArticleFilterForm(forms.Form):
    """Optional narrowing of a news list by year or to articles with an English version; a bad value is a 400."""

    q = forms.CharField(label=_("Search the news"), required=False, max_length=search_query.MAX_LENGTH)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)
    english = forms.BooleanField(label=_("Only articles in English"), required=False)

    def clean_q(self):
        text = self.cleaned_data["q"].strip()
        try:
            self.query = search_query.parse(text) if text else None
        except search_query.QueryError as error:
            raise forms.ValidationError(str(error)) from None
        return text

    def filter(self, articles):
        if getattr(self, "query", None):
            articles = articles.filter(pk__in=search_query.object_ids(self.query, "article"))
        if self.cleaned_data.get("year"):
            articles = articles.filter(publish_at__year=self.cleaned_data["year"])
        if self.cleaned_data.get("english"):
            articles = articles.exclude(title_en="").exclude(~Q(body=""), body_en="")
        return articles
