"""The association's documents in the site-wide search; members-only ones are found by members only."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from association.models import Branch, Document
from core.search import registry
from core.search.sources import Item, in_every_language, midnight, translated


def document_item(document):
    return Item(
        key=str(document.pk),
        title=document.title,
        text=document.description,
        translations=translated(document, "title", "description"),
        date=midnight(document.issued_on),
        section_id=document.branch_id,
        members_only=document.is_members_only,
        weighted=[
            ("A", in_every_language(document, "title")),
            ("B", document.get_kind_display()),
            ("C", in_every_language(document, "description")),
        ],
    )


def register():
    registry.set_sections(
        registry.Sections(label=_("Branch"), queryset=lambda: Branch.objects.active(), param="branch")
    )
    registry.register(
        registry.SearchKind(
            name="document",
            label=_("Documents"),
            model=Document,
            position=40,
            item=document_item,
            queryset=lambda: Document.objects.all(),
            url=lambda key: reverse("association:document_download", args=[int(key)]),
        )
    )
