"""What a change to public content does, in one named function that the content services call where they make
the change: `content_changed(obj)` re-indexes the object for the site search and starts a new page generation
once the transaction commits, so no page cached before the change is served after it.

Services wrap their save in `changing(obj)`: the save itself then leaves the page cache and the index to
`content_changed`. The global receivers (core/web/pagecache.py, core/search/signals.py) stay for the writes that
no service makes: admin forms and inlines, imports, the demo loader and data migrations.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from core import effects
from core.search import index as search_index
from core.search import registry as search_registry
from core.web import pagecache


def content_changed(obj: Any) -> None:
    """`obj`'s public face changed: index it again (or take it out of the search) and invalidate cached pages."""
    if search_registry.is_searchable(type(obj)):
        search_index.update(obj)
    pagecache.content_changed(type(obj))


@contextmanager
def changing(obj: Any) -> Iterator[Any]:
    """Around a service's save of `obj`: the save's own receivers step aside, then content_changed(obj) runs."""
    effects.start(obj)
    try:
        yield obj
    finally:
        effects.stop(obj)
    content_changed(obj)
