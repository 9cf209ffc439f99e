"""English versions of content: a `<field>_en` column beside each Chinese field that English readers need.

Staff fill in the English when they have it. On /en/ pages `obj.i18n.<field>` is the English version, or
the Chinese when there is none yet (templates then say so with the `lacks_english` filter). On Chinese
pages it is always the Chinese.
"""

from django.utils.translation import get_language


def in_english():
    return (get_language() or "").startswith("en")


def has_english(obj, field):
    return bool(getattr(obj, f"{field}_en", ""))


def localized(obj, field):
    """obj.<field> in the reader's language: English on English pages where it exists, else the Chinese."""
    if in_english() and has_english(obj, field):
        return getattr(obj, f"{field}_en")
    return getattr(obj, field)


class LocalizedFields:
    """`obj.i18n.title` in templates: the field in the reader's language."""

    def __init__(self, obj):
        self._obj = obj

    def __getattr__(self, field):
        if field.startswith("_"):
            raise AttributeError(field)
        return localized(self._obj, field)


class EnglishVersionsMixin:
    @property
    def i18n(self):
        return LocalizedFields(self)


class EnglishBesideChineseAdmin:
    """ModelAdmin mixin: each `<field>_en` is edited on the same row as its Chinese field."""

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        rows = []
        for name in fields:
            if isinstance(name, str) and name.endswith("_en") and name[:-3] in fields:
                continue
            rows.append((name, f"{name}_en") if isinstance(name, str) and f"{name}_en" in fields else name)
        return rows
