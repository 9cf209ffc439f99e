from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.search import registry
from core.search.fields import QueryField


class SearchForm(forms.Form):
    q = QueryField(label=_("Search for"))
    kind = forms.ChoiceField(label=_("Show"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Everything")), *registry.kind_choices()]
        self.fields["year"].choices = [("", _("Any year"))] + [(year, year) for year in self.years()]
        self.categorised = registry.categorised()
        if self.categorised:
            self.fields["category"] = forms.ModelChoiceField(
                label=self.categorised.categories.label,
                required=False,
                queryset=self.categorised.categories.queryset(),
                to_field_name="slug",
                empty_label=_("All categories"),
            )

    @staticmethod
    def years():
        return range(timezone.localdate().year + 1, 1989, -1)

    def kinds(self):
        """The kinds the tabs count: only the kind with categories when a category is chosen, otherwise all."""
        return [self.categorised.name] if self.cleaned_data.get("category") else registry.kind_names()

    def filter(self, entries):
        """Narrow by category and year; the kind is chosen among the results, so the tabs can count every kind."""
        data = self.cleaned_data
        if data.get("category"):
            entries = entries.filter(kind=self.categorised.name, category_id__in=data["category"].family_ids())
        if data.get("year"):
            entries = entries.filter(date__year=data["year"])
        return entries
