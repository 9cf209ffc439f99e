"""Numbered pages for lists, with a cap: however long the list, a page costs what the first pages cost."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from django.db.models import QuerySet

    Items = Sequence[Any] | QuerySet[Any]

# Past this many pages a list is narrowed (by year, by a search) rather than paged: OFFSET 100,000 walks 100,000
# rows, and nobody reads page 5,000.
MAX_PAGES = 50


class CappedPaginator(Paginator):
    """A paginator over at most MAX_PAGES pages. `capped` tells whether the list holds more than those; its count
    is of the first items only, so counting costs the same for a hundred items or a hundred thousand."""

    def __init__(self, items: Items, per_page: int, max_pages: int | None = None) -> None:
        self.limit = per_page * (max_pages or MAX_PAGES)
        head = items[: self.limit + 1]
        super().__init__(head, per_page)
        self.capped = self.count > self.limit
        if self.capped:
            self.count = self.limit  # a cached_property: set once, no second count
            self.object_list = items[: self.limit]


def paginate(request: HttpRequest, items: Items, per_page: int = 20, max_pages: int | None = None) -> Page[Any]:
    """The requested page; a page value that is not a whole number within range is a 404, never a 500."""
    paginator = CappedPaginator(items, per_page, max_pages)
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except (TypeError, ValueError):
        raise Http404(_("There is no such page.")) from None
    if number < 1 or number > paginator.num_pages:
        raise Http404(_("There is no such page."))
    return paginator.page(number)
