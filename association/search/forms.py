from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from association.search.fields import QueryField
from association.search.models import SearchEntry
from news.models import Category


class SearchForm(forms.Form):
    q = QueryField(label=_("Search for"))
    kind = forms.ChoiceField(label=_("Show"), required=False,
                             choices=[("", _("Everything")), *SearchEntry.Kind.choices])
    category = forms.ModelChoiceField(label=_("News category"), required=False, queryset=Category.objects.all(),
                                      to_field_name="slug", empty_label=_("All categories"))
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("Any year"))] + [(year, year) for year in self.years()]

    @staticmethod
    def years():
        return range(timezone.localdate().year + 1, 1989, -1)

    def kinds(self):
        """The kinds the tabs count: news alone when a news category is chosen, otherwise all."""
        return [SearchEntry.Kind.ARTICLE] if self.cleaned_data.get("category") else SearchEntry.Kind.values

    def filter(self, entries):
        """Narrow by category and year; the kind is chosen among the results, so the tabs can count every kind."""
        data = self.cleaned_data
        if data.get("category"):
            entries = entries.filter(kind=SearchEntry.Kind.ARTICLE, category_id__in=data["category"].family_ids())
        if data.get("year"):
            entries = entries.filter(date__year=data["year"])
        return entries
