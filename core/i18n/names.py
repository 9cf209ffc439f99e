"""People's names in Latin script beside the Chinese: "Li Ming" for 李明, kept by hand because no rule makes it
(surnames have several readings, some people write theirs their own way). Pages in a content language, badges
and exports use it where it is kept."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.i18n.translation import reading_language


def latin_name_field() -> models.CharField:
    return models.CharField(
        _("name in Latin script"),
        max_length=100,
        blank=True,
        help_text=_("As the person writes it in Latin letters. English pages, badges and exports use it."),
    )


class LatinNamed:
    """Mixed into a model with `name` and `name_latin` (from latin_name_field)."""

    name: str
    name_latin: str

    @property
    def display_name(self) -> str:
        """The name for the page being made: in Latin script on pages in a content language where it is kept,
        else the Chinese."""
        if self.name_latin and reading_language():
            return self.name_latin
        return self.name

    @property
    def display_name_is_chinese(self) -> bool:
        """True on a page in a content language that shows the Chinese name for want of a Latin one."""
        return bool(reading_language()) and not self.name_latin
