"""The rooms page of a meeting: a hotel, a room number and a roommate for everyone who needs a room, on one form."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from events import rooms
from events.models import Delegate


class RoomsForm(forms.Form):
    def __init__(self, *args, people, hotels, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = people
        sharing = [p for p in people if p.accommodation == Delegate.Accommodation.SHARED]
        hotel_choices = [("", "—"), *((hotel.pk, hotel.name) for hotel in hotels)]
        labels = {other.pk: f"{other.name} · {other.delegation.party_name}" for other in sharing}
        for person in people:
            self.fields[f"hotel_{person.pk}"] = forms.TypedChoiceField(
                choices=hotel_choices,
                coerce=int,
                empty_value=None,
                required=False,
                initial=person.hotel_id,
                label=gettext_lazy("hotel"),
            )
            self.fields[f"room_{person.pk}"] = forms.CharField(
                max_length=20, required=False, initial=person.room_number, label=gettext_lazy("room number")
            )
            if person.accommodation == Delegate.Accommodation.SHARED:
                choices = [
                    (other.pk, labels[other.pk])
                    for other in sharing
                    if other.pk != person.pk and other.gender == person.gender
                ]
                self.fields[f"roommate_{person.pk}"] = forms.TypedChoiceField(
                    choices=[("", "—"), *choices],
                    coerce=int,
                    empty_value=None,
                    required=False,
                    initial=person.roommate_id,
                    label=gettext_lazy("roommate"),
                )

    def rows(self):
        """Each person with the fields of their row, for the template."""
        for person in self.people:
            yield (
                person,
                [
                    self[name]
                    for name in (f"hotel_{person.pk}", f"room_{person.pk}", f"roommate_{person.pk}")
                    if name in self.fields
                ],
            )

    def placements(self):
        data = self.cleaned_data
        return {
            p.pk: rooms.Placement(
                hotel_id=data[f"hotel_{p.pk}"],
                room_number=data[f"room_{p.pk}"].strip(),
                roommate_id=data.get(f"roommate_{p.pk}"),
            )
            for p in self.people
        }


def rooms_page(model_admin, request, event):
    people = rooms.roomed_delegates(event)
    form = RoomsForm(request.POST or None, people=people, hotels=list(event.hotels.all()))
    if request.method == "POST" and form.is_valid():
        try:
            changed = rooms.rooms_assign(event=event, placements=form.placements())
        except ValidationError as error:
            for problem in error.messages:
                form.add_error(None, problem)
        else:
            for delegation in changed:
                model_admin.log_change(request, delegation, _("Rooms given"))
            model_admin.message_user(
                request,
                ngettext(
                    "Rooms saved: %(count)d delegation changed.",
                    "Rooms saved: %(count)d delegations changed.",
                    len(changed),
                )
                % {"count": len(changed)},
                messages.SUCCESS,
            )
            return redirect("admin:events_event_rooms", event.pk)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "original": event,
        "title": _("Rooms and roommates"),
        "form": form,
        "hotel_count": event.hotels.count(),
    }
    return TemplateResponse(request, "admin/events/event/rooms.html", context)
