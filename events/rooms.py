"""Rooms: the secretariat gives each delegate who needs a room a hotel and a room number, and pairs roommates for
shared rooms (across delegations too). The rooming list (events/logistics.py) is made from what is given here."""

from collections import defaultdict
from dataclasses import dataclass, replace

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from events.models import Delegate, Delegation


@dataclass(frozen=True)
class Placement:
    hotel_id: int | None
    room_number: str
    roommate_id: int | None


def roomed_delegates(event):
    """Everyone of the meeting's active delegations who needs a room, delegation by delegation in protocol order."""
    return list(
        Delegate.objects.filter(delegation__event=event, delegation__state__in=Delegation.ACTIVE_STATES)
        .exclude(accommodation=Delegate.Accommodation.NONE)
        .select_related("delegation__city", "delegation__guest", "hotel", "roommate")
        .order_by("delegation_id", "rank", "id")
    )


def _paired(people, placements):
    """Each choice of roommate made mutual (choosing B for A chooses A for B), or the problems that prevent it."""
    problems, roommates = [], {pk: placement.roommate_id for pk, placement in placements.items()}
    for pk, mate_pk in list(roommates.items()):
        if mate_pk is None:
            continue
        person, mate = people[pk], people.get(mate_pk)
        if mate is None or mate_pk == pk:
            problems.append(_("%(name)s: choose a roommate from this meeting's list.") % {"name": person.name})
            continue
        if Delegate.Accommodation.SINGLE in (person.accommodation, mate.accommodation):
            single = person if person.accommodation == Delegate.Accommodation.SINGLE else mate
            problems.append(
                _("%(name)s asked for a single room and cannot share one.") % {"name": single.name},
            )
        elif person.gender != mate.gender:
            problems.append(
                _("%(first)s and %(second)s cannot share a room: shared rooms are for two people of one gender.")
                % {"first": person.name, "second": mate.name}
            )
        if roommates.get(mate_pk) in (None, pk):
            roommates[mate_pk] = pk
        else:
            problems.append(
                _("%(name)s cannot share a room with both %(first)s and %(second)s.")
                % {"name": mate.name, "first": person.name, "second": people[roommates[mate_pk]].name}
            )
    return roommates, problems


def _freed(people, placements):
    """Whoever is left by a roommate who chose someone else, or nobody, is free too (unless their own row chose
    again): one change on the page parts a pair."""
    placements = dict(placements)
    for pk, placement in list(placements.items()):
        before = people[pk].roommate_id
        if before and placement.roommate_id != before and before in placements:
            left = placements[before]
            if left.roommate_id == pk == people[before].roommate_id:
                placements[before] = replace(left, roommate_id=None)
    return placements


def _rooms(people, placements, roommates):
    """Hotel and room of each person, roommates' made the same; and the problems of rooms given twice."""
    problems, rooms = [], {pk: (p.hotel_id, p.room_number.strip()) for pk, p in placements.items()}
    for pk, mate_pk in roommates.items():
        if mate_pk is None or pk > mate_pk:
            continue
        mine, theirs = rooms[pk], rooms[mate_pk]
        if mine != theirs and all(mine) and all(theirs):
            problems.append(
                _("%(first)s and %(second)s share a room, so they need the same hotel and room number.")
                % {"first": people[pk].name, "second": people[mate_pk].name}
            )
        elif mine != theirs:
            rooms[pk] = rooms[mate_pk] = mine if mine[0] or mine[1] else theirs
    occupants = defaultdict(list)
    for pk, (hotel_id, number) in rooms.items():
        if number and not hotel_id:
            problems.append(
                _("%(name)s: choose the hotel of room %(room)s.") % {"name": people[pk].name, "room": number}
            )
        elif number:
            occupants[(hotel_id, number)].append(pk)
    for (_hotel, number), pks in occupants.items():
        names = ", ".join(people[pk].name for pk in pks)
        if len(pks) > 2:
            problems.append(
                _("Room %(room)s is given to %(names)s: a room holds two people at most.")
                % {"room": number, "names": names}
            )
        elif len(pks) == 2 and roommates.get(pks[0]) != pks[1]:
            problems.append(
                _(
                    "Room %(room)s is given to %(names)s: choose them as each other's roommates, or give one of them "
                    "another room."
                )
                % {"room": number, "names": names}
            )
    return rooms, problems


def rooms_follow_accommodation(delegation):
    """After an officer changes the delegates: whoever no longer shares a room is parted from their roommate (the
    roommate too), and whoever needs no room gives theirs up."""
    alone = list(
        delegation.delegates.exclude(accommodation=Delegate.Accommodation.SHARED)
        .exclude(roommate=None)
        .values_list("pk", flat=True)
    )
    if alone:
        Delegate.objects.filter(Q(pk__in=alone) | Q(roommate__in=alone)).update(roommate=None)
    delegation.delegates.filter(accommodation=Delegate.Accommodation.NONE).exclude(hotel=None, room_number="").update(
        hotel=None, room_number=""
    )


def rooms_assign(*, event, placements):
    """Give rooms and roommates: `placements` maps each roomed delegate's id to its Placement. All or nothing; a
    ValidationError lists every problem. Returns the delegations whose rooms changed."""
    with transaction.atomic():
        # Two secretaries saving at once: the second waits, then reads what the first saved.
        list(Delegate.objects.select_for_update().filter(delegation__event=event).values_list("pk", flat=True))
        people = {d.pk: d for d in roomed_delegates(event)}
        placements = {pk: placement for pk, placement in placements.items() if pk in people}
        placements.update(
            {
                pk: Placement(p.hotel_id, p.room_number, p.roommate_id)
                for pk, p in people.items()
                if pk not in placements
            }
        )
        placements = _freed(people, placements)
        hotels = set(event.hotels.values_list("pk", flat=True))
        problems = [
            _("%(name)s: choose one of this meeting's hotels.") % {"name": people[pk].name}
            for pk, p in placements.items()
            if p.hotel_id is not None and p.hotel_id not in hotels
        ]
        roommates, paired_problems = _paired(people, placements)
        rooms, room_problems = _rooms(people, placements, roommates)
        problems += paired_problems + room_problems
        if problems:
            raise ValidationError(problems)
        changed = []
        for pk, person in people.items():
            hotel_id, number = rooms[pk]
            if (person.hotel_id, person.room_number, person.roommate_id) != (hotel_id, number, roommates[pk]):
                person.hotel_id, person.room_number, person.roommate_id = hotel_id, number, roommates[pk]
                changed.append(person)
        Delegate.objects.bulk_update(changed, ["hotel", "room_number", "roommate"])
    return sorted({person.delegation for person in changed}, key=lambda delegation: delegation.pk)
