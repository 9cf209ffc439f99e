from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from core.search.query import MAX_LENGTH, Query, QueryError, parse


class QueryField(forms.CharField):
    """A search box: cleans to a parsed Query, None when empty; an unusable query is a form error."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", MAX_LENGTH)
        too_long = _("Please keep the search under %(limit_value)d characters.")
        kwargs.setdefault("error_messages", {"max_length": too_long})
        super().__init__(**kwargs)

    def clean(self, value: Any) -> Query | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            return parse(text)
        except QueryError as error:
            raise forms.ValidationError(str(error)) from None
