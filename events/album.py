"""A meeting's album: photos added many at a time, each checked like any other upload."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from events.models import Event, EventPhoto


def add_photo(event: Event, upload: Any) -> EventPhoto:
    """One uploaded file as the album's last photo; ValidationError (and nothing saved) when it is not a usable
    image. Its description for screen readers starts as the meeting's name and the photo's number."""
    with transaction.atomic():
        Event.objects.select_for_update().filter(pk=event.pk).first()  # numbers photos uploaded at once in turn
        last = EventPhoto.objects.filter(event=event).aggregate(last=Max("order"))["last"]
        order = 0 if last is None else last + 1
        photo = EventPhoto(event=event, image=upload, order=order,
                           alt_text=_("%(event)s, photo %(number)d") % {"event": event.display_title, "number": order + 1})
        photo.full_clean(exclude=["event"])
        photo.save()
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
