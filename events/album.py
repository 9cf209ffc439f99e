"""A meeting's album: photos added many at a time, each checked like any other upload."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Max, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from events.models import Event, EventPhoto


def add_photo(event: Event, upload: Any) -> EventPhoto:
    """One uploaded file as the album's last photo; ValidationError (and nothing saved) when it is not a usable
    image. Its description for screen readers starts as the meeting's name and the photo's number."""
    photo = EventPhoto(event=event, image=upload, alt_text=event.display_title)
    photo.full_clean(exclude=["event"])
    photo.save()  # the renditions are made here, outside any transaction: other uploads need not wait
    # Numbered by the one statement that writes the number, so that two uploads finishing at once cannot read the
    # same last number (SQLite has no row locks; on PostgreSQL the statement is atomic too).
    others = EventPhoto.objects.filter(event=event).exclude(pk=photo.pk).order_by()
    last = others.values("event").annotate(last=Max("order")).values("last")[:1]
    EventPhoto.objects.filter(pk=photo.pk).update(order=Coalesce(Subquery(last) + 1, 0))
    photo.refresh_from_db(fields=["order"])
    photo.alt_text = _("%(event)s, photo %(number)d") % {"event": event.display_title, "number": photo.order + 1}
    EventPhoto.objects.filter(pk=photo.pk).update(alt_text=photo.alt_text)
    return photo


def add_photos(event: Event, uploads: list[Any]) -> tuple[list[EventPhoto], dict[str, list[str]]]:
    """Each file on its own: one bad file does not stop the others. Returns the photos added and, by file name,
    why the others were refused."""
    added, refused = [], {}
    for upload in uploads:
        try:
            added.append(add_photo(event, upload))
        except ValidationError as error:
            refused[upload.name] = error.messages
    return added, refused
