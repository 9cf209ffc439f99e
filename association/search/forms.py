from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from association.search import query as search_query
from association.search.models import SearchEntry
from news.models import Category


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False, max_length=search_query.MAX_LENGTH,
                        error_messages={"max_length": _("Please keep the search under %(limit_value)d characters.")})
    kind = forms.ChoiceField(label=_("Show"), required=False,
                             choices=[("", _("Everything")), *SearchEntry.Kind.choices])
    category = forms.ModelChoiceField(label=_("News category"), required=False, queryset=Category.objects.all(),
                                      to_field_name="slug", empty_label=_("All categories"))
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("Any year"))] + [(year, year) for year in self.years()]
        self.query = None

    @staticmethod
    def years():
        return range(timezone.localdate().year + 1, 1989, -1)

    def clean_q(self):
        text = self.cleaned_data["q"]
        if text:
            try:
                self.query = search_query.parse(text)
            except search_query.QueryError as error:
                raise forms.ValidationError(str(error)) from None
        return text

    def kinds(self):
        """The kinds of results asked for: one, news alone when a news category is chosen, or all."""
        if self.cleaned_data.get("kind"):
            return [self.cleaned_data["kind"]]
        if self.cleaned_data.get("category"):
            return [SearchEntry.Kind.ARTICLE]
        return SearchEntry.Kind.values

    def filter(self, entries, by_kind=True):
        data = self.cleaned_data
        if by_kind and data.get("kind"):
            entries = entries.filter(kind=data["kind"])
        if data.get("category"):
            entries = entries.filter(kind=SearchEntry.Kind.ARTICLE, category_id__in=data["category"].family_ids())
        if data.get("year"):
            entries = entries.filter(date__year=data["year"])
        return entries
