from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.search import registry
from core.search.fields import QueryField

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from core.search.models import SearchEntry


class SearchForm(forms.Form):
    q = QueryField(label=_("Search for"))
    kind = forms.ChoiceField(label=_("Show"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["kind"]).choices = [("", _("Everything")), *registry.kind_choices()]
        cast(forms.ChoiceField, self.fields["year"]).choices = [("", _("Any year"))] + [
            (year, year) for year in self.years()
        ]
        self.categorised = registry.categorised()
        if self.categorised and self.categorised.categories:  # the kind found is the one with categories
            self.fields["category"] = forms.ModelChoiceField(
                label=self.categorised.categories.label,
                required=False,
                queryset=self.categorised.categories.queryset(),
                to_field_name="slug",
                empty_label=_("All categories"),
            )

        self.sections = registry.sections()
        if self.sections:
            self.fields["section"] = forms.ModelChoiceField(
                label=self.sections.label,
                required=False,
                queryset=self.sections.queryset(),
                to_field_name="slug",
                empty_label=_("The whole site"),
            )

    def add_prefix(self, field_name: str) -> str:
        """The sections' field is read from the parameter their app names (?branch=…)."""
        if field_name == "section" and self.sections:
            return self.sections.param
        return super().add_prefix(field_name)

    @staticmethod
    def years() -> range:
        return range(timezone.localdate().year + 1, 1989, -1)

    def kinds(self) -> list[str]:
        """The kinds the tabs count: only the kind with categories when a category is chosen, otherwise all."""
        if self.categorised and self.cleaned_data.get("category"):
            return [self.categorised.name]
        return registry.kind_names()

    def filter(self, entries: QuerySet[SearchEntry]) -> QuerySet[SearchEntry]:
        """Narrow by category and year; the kind is chosen among the results, so the tabs can count every kind."""
        data = self.cleaned_data
        if self.categorised and data.get("category"):  # only the kind with categories has the field
            entries = entries.filter(kind=self.categorised.name, category_id__in=data["category"].family_ids())
        if data.get("year"):
            entries = entries.filter(date__year=data["year"])
        if data.get("section"):
            entries = entries.filter(section_id=data["section"].pk)
        return entries
