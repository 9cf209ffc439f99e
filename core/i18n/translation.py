"""Content in the languages staff write beside the Chinese (settings.CONTENT_LANGUAGES, English today).

A model lists the fields readers need in other languages:

    class Article(TranslatedMixin, models.Model):
        translated_fields = ("title", "summary", "body")

and gets a column per content language beside each, `title_<language>`: a copy of the Chinese field, optional
and twice as long. Adding a content language is a line in settings and a migration (`makemigrations`).
Traditional Chinese is not one of them: OpenCC makes it from the Simplified as pages leave.

On a page in a content language `obj.i18n.<field>` is the translation, or the Chinese when there is none yet
(templates then say so with the `lacks_translation` filter). On Chinese pages it is always the Chinese.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db.models import CharField, Field, TextField
from django.db.models.signals import class_prepared
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from django.contrib.admin import ModelAdmin
    from django.db.models import Model
    from django.http import HttpRequest
    from django.utils.functional import Promise

    # The admin mixin below is only ever mixed into a ModelAdmin: type it as one, so super() is checked.
    _AdminBase = ModelAdmin[Any]
else:
    _AdminBase = object


def content_languages() -> list[str]:
    return list(settings.CONTENT_LANGUAGES)


@lru_cache(maxsize=1024)
def column(field: str, language: str) -> str:
    """The column holding `field` in `language`: title_<language>, e.g. title_vi."""
    return f"{field}_{language.replace('-', '_').lower()}"


def columns(*fields: str, through: str = "") -> list[str]:
    """Each field and its translations, for .only() and search_fields; `through="region"` names them across a
    relation (region__name, then region__name_<language> for each content language)."""
    prefix = f"{through}__" if through else ""
    return [
        f"{prefix}{name}"
        for field in fields
        for name in (field, *(column(field, lang) for lang in content_languages()))
    ]


def reading_language() -> str | None:
    """The content language of the page being made, or None on Chinese pages (Simplified or Traditional)."""
    current = get_language()
    if not current or current.startswith("zh"):
        return None
    for language in settings.CONTENT_LANGUAGES:
        if current == language or current.startswith(f"{language}-"):
            return language
    return None


def value_in(obj: object, field: str, language: str | None) -> str:
    """obj's field in one language exactly: the Chinese for None, "" where no translation was written."""
    if language is None:
        return getattr(obj, field)
    return getattr(obj, column(field, language), "") or ""


def translations_of(obj: object, field: str) -> list[str]:
    """The field's text in every content language that has one."""
    return [text for text in (value_in(obj, field, lang) for lang in content_languages()) if text]


def interface_languages() -> list[str]:
    """The codes of the languages pages are served in (settings.LANGUAGES)."""
    return [code for code, _name in settings.LANGUAGES]


def html_lang(language: str) -> str:
    """The HTML lang attribute of a language code: zh-hans is zh-Hans, the others as they are."""
    return {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}.get(language, language)


def first_translation(field: str) -> str:
    """The column of `field` in the first content language (the Latin-script name slugs are made from), or the
    field itself when the portal has no content language."""
    languages = content_languages()
    return column(field, languages[0]) if languages else field


def other_script(obj: object, field: str) -> tuple[str, str] | None:
    """(text, HTML lang) of obj's field in the other script, for a line under a heading: the first translation on
    Chinese pages, the Chinese on a content language's page; None when there is nothing to show."""
    languages = content_languages()
    if not languages or not value_in(obj, field, languages[0]):
        return None
    if reading_language():
        return getattr(obj, field), "zh-Hans"
    return value_in(obj, field, languages[0]), html_lang(languages[0])


def translations_with_lang(obj: object, field: str) -> list[tuple[str, str]]:
    """(text, HTML lang) of obj's field in every content language that has it."""
    return [(text, html_lang(lang)) for lang in content_languages() if (text := value_in(obj, field, lang))]


def has_translation(obj: object, field: str, language: str | None = None) -> bool:
    language = language or reading_language()
    return bool(language and value_in(obj, field, language))


def localized(obj: object, field: str) -> str:
    """obj.<field> in the reader's language where it has been written, else the Chinese."""
    language = reading_language()
    if language:
        translated = getattr(obj, column(field, language), "")
        if translated:
            return translated
    return getattr(obj, field)


def lacks_translation(obj: object, field: str) -> bool:
    """True on a page in a content language when obj's field has no translation: the Chinese shows instead."""
    language = reading_language()
    return bool(language) and not has_translation(obj, field, language)


class LocalizedFields:
    """`obj.i18n.title` in templates: the field in the reader's language."""

    def __init__(self, obj: object) -> None:
        self._obj = obj

    def __getattr__(self, field: str) -> str:
        if field.startswith("_"):
            raise AttributeError(field)
        return localized(self._obj, field)


class TranslatedMixin:
    @property
    def i18n(self) -> LocalizedFields:
        return LocalizedFields(self)


def _language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


def _translated_verbose_name(source_name: str | Promise, language: str) -> str:
    return _("%(field)s (%(language)s)") % {"field": source_name, "language": _language_name(language)}


translated_verbose_name = lazy(_translated_verbose_name, str)


def translation_field(source: Field[Any, Any], language: str) -> Field[Any, Any]:
    """A copy of the Chinese field for one language: optional, never unique, twice as long. Copied the way Django
    copies the fields of an abstract model, so settings that deconstruct() leaves out (an editor's) come along."""
    # Any: the copy's private attributes (_unique, _verbose_name) and its name (None until contribute_to_class) are
    # set directly, as Django does, and django-stubs types none of them that way.
    field: Any = copy.deepcopy(source)
    field.creation_counter = Field.creation_counter  # a field of its own: fields compare and hash by this number
    Field.creation_counter += 1
    field.name = None  # contribute_to_class() names it
    field.blank = True
    field.null = False
    field._unique = False
    field.db_index = False
    field.verbose_name = field._verbose_name = translated_verbose_name(source.verbose_name, language)
    if isinstance(source, (CharField, TextField)) and source.max_length:
        field.max_length = source.max_length * 2
    # Validators are a cached list made with the Chinese field's length: the same, checking the new length.
    field.__dict__["validators"] = [v for v in source.validators if not isinstance(v, MaxLengthValidator)]
    if isinstance(source, CharField):
        field.validators.append(MaxLengthValidator(field.max_length))
    return field


def add_translation_columns(sender: type[Model], **kwargs: Any) -> None:
    """On each model class that lists `translated_fields` itself, add their columns before anything (the
    history of django-simple-history, which copies fields when its model class is ready) reads its fields."""
    names = sender.__dict__.get("translated_fields")
    if not names or sender._meta.abstract:
        return
    for name in names:
        source = sender._meta.get_field(name)
        for language in content_languages():
            if not hasattr(sender, column(name, language)):
                # (ignored: translated_fields name concrete fields, never relations)
                translation_field(source, language).contribute_to_class(sender, column(name, language))  # type: ignore[arg-type]


# Connected on import, which every models module does before defining its classes.
class_prepared.connect(add_translation_columns, dispatch_uid="core-translation-columns")


Row = str | list[str] | tuple[str, ...]


class TranslationsBesideChineseAdmin(_AdminBase):
    """ModelAdmin mixin: each translation of a field is edited on the same row as the Chinese, in every content
    language, whether the admin declares fieldsets (naming the Chinese fields only) or not. A translation
    column the fieldsets name themselves (a fieldset of its own for long texts) stays where it is named."""

    def _translations(self, name: str) -> list[str]:
        if name not in getattr(self.model, "translated_fields", ()):
            return []
        return [column(name, language) for language in content_languages()]

    def _row(self, row: Row, available: set[str]) -> Row:
        names = [row] if isinstance(row, str) else list(row)
        expanded = [each for name in names for each in (name, *(c for c in self._translations(name) if c in available))]
        return expanded[0] if len(expanded) == 1 else tuple(expanded)

    def get_fields(self, request: HttpRequest, obj: Model | None = None) -> list[Row]:
        fields = list(super().get_fields(request, obj))
        columns = {c for name in fields if isinstance(name, str) for c in self._translations(name)}
        available = {name for name in fields if isinstance(name, str)}
        return [self._row(name, available) for name in fields if name not in columns]

    def get_fieldsets(self, request: HttpRequest, obj: Model | None = None) -> Any:
        fieldsets = super().get_fieldsets(request, obj)
        if not self.fieldsets:
            return fieldsets  # made from get_fields(), already paired
        named = {
            name
            for _title, options in fieldsets
            for row in options["fields"]
            for name in ([row] if isinstance(row, str) else row)
        }
        available = {
            c for name in getattr(self.model, "translated_fields", ()) for c in self._translations(name)
        } - named
        return [
            (title, {**options, "fields": [self._row(row, available) for row in options["fields"]]})
            for title, options in fieldsets
        ]


def translation_fieldsets(*fields: str, description: Any = None) -> list[tuple[Any, dict[str, Any]]]:
    """A fieldset per content language holding the translations of `fields`: for long texts, which are easier to
    write below the Chinese than beside it."""
    return [
        (
            lazy(lambda language=language: _("%(language)s version") % {"language": _language_name(language)}, str)(),
            {"fields": [column(field, language) for field in fields], "description": description},
        )
        for language in content_languages()
    ]
