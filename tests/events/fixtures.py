"""Fixtures for tests of meetings and registrations, shared by every test package (tests/conftest.py loads them):
cities with officers made on demand, events open for registration, a manager."""

import datetime

import pytest
from django.utils import timezone

from events.contributions import EVENT_MANAGERS
from events.models import Event
from members.models import MemberCity
from tests.factories import (
    EventFactory,
    LiaisonOfficerFactory,
    MemberCityFactory,
    StaffUserFactory,
)


def meeting_day(event):
    """Move `event` to today (it started an hour ago, it ends tomorrow), when its check-in desk is open."""
    now = timezone.now()
    Event.objects.filter(pk=event.pk).update(
        starts_at=now - datetime.timedelta(hours=1), ends_at=now + datetime.timedelta(days=1)
    )
    event.refresh_from_db()
    return event


def delegates(count, head=0):
    return [
        {"name": f"代表{n}", "gender": "male", "position": "副市长", "rank": n + 1, "is_head": n == head}
        for n in range(count)
    ]


@pytest.fixture
def make_city(region):
    """make_city("nanning"): the city "nanning市" at /members/nanning/, in `region`."""

    def make(slug):
        return MemberCityFactory(name=f"{slug}市", slug=slug, level=MemberCity.Level.PREFECTURE, region=region)

    return make


@pytest.fixture
def make_officer(make_city):
    """make_officer("nanning"): the current primary officer of a new city "nanning市", signing in as "nanning",
    with the e-mail nanning@example.cn; make_officer(slug, city=city) for an officer of an existing city."""

    def make(slug, city=None):
        return LiaisonOfficerFactory(
            city=city or make_city(slug),
            name=f"{slug}联络员",
            position="副秘书长",
            email=f"{slug}@example.cn",
            user__username=slug,
        )

    return make


@pytest.fixture
def make_event(db):
    """A published liaison-work conference in 30 days, registration open for 20 more days, 10 seats, 5 a city,
    no approval, with a waiting list; keyword arguments change any field."""

    def make(**fields):
        now = timezone.now()
        defaults = {
            "title": "联络工作会议",
            "kind": Event.Kind.LIAISON,
            "status": Event.Status.PUBLISHED,
            "starts_at": now + datetime.timedelta(days=30),
            "ends_at": now + datetime.timedelta(days=32),
            "registration_opens_at": now - datetime.timedelta(days=1),
            "registration_closes_at": now + datetime.timedelta(days=20),
            "capacity": 10,
            "per_city_limit": 5,
            "requires_approval": False,
            "waiting_list": True,
        }
        return EventFactory(**{**defaults, **fields})

    return make


@pytest.fixture
def event_manager(db):
    """A staff member of the event managers' group, signing in as "manager"."""
    return StaffUserFactory(username="manager", groups=[EVENT_MANAGERS])
