"""The association's documents in the site-wide search; members-only ones are found by members only."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from association.models import Document
from core.search import registry
from core.search.sources import Item, join, midnight


def document_item(document):
    return Item(
        kind="document", key=str(document.pk), title=document.title, title_en=document.title_en,
        text=document.description, text_en=document.description_en,
        date=midnight(document.issued_on), members_only=document.visibility == Document.Visibility.MEMBERS,
        weighted=[("A", join(document.title, document.title_en)), ("B", document.get_kind_display()),
                  ("C", join(document.description, document.description_en))],
    )


def register():
    registry.register(registry.SearchKind(
        name="document", label=_("Documents"), model=Document, position=40, item=document_item,
        queryset=lambda: Document.objects.all(),
        url=lambda key: reverse("association:document_download", args=[int(key)]),
    ))
