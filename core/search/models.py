from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.i18n.translation import TranslatedMixin
from core.search import registry


class WordsField(models.TextField):
    """A tsvector on PostgreSQL; on SQLite the same words as plain text, separated by spaces."""

    def db_type(self, connection: Any) -> str:
        return "tsvector" if connection.vendor == "postgresql" else "text"


class SearchEntry(TranslatedMixin, models.Model):
    """One searchable item (of a kind some app registered: an article, an event...) as the public search sees it.

    Only items someone may find are here: drafts, archived articles and former members are removed.
    """

    kind = models.CharField(_("kind"), max_length=10, choices=registry.kind_choices)
    object_id = models.PositiveIntegerField(_("object"))
    key = models.CharField(_("address key"), max_length=100, help_text=_("The id or slug in the item's URL."))
    title = models.CharField(_("title"), max_length=300)
    translated_fields = ("title", "text")
    text = models.TextField(_("text for snippets"), blank=True)
    category_id = models.PositiveIntegerField(_("category"), null=True, blank=True)
    section_id = models.PositiveIntegerField(_("part of the site"), null=True, blank=True)
    date = models.DateTimeField(_("date"), null=True, blank=True)
    visible_from = models.DateTimeField(_("visible from"), null=True, blank=True)
    members_only = models.BooleanField(_("members only"), default=False)
    words = WordsField(_("words"), blank=True)

    class Meta:
        db_table = "association_searchentry"  # made there before it moved to core
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="one_search_entry_per_item")]
        indexes = [models.Index(fields=["kind", "-date"], name="search_entry_kind_date")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.title}"
