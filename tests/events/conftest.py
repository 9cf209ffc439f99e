import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from events.models import Event
from members.models import LiaisonOfficer, MemberCity, Region


def delegates(count, head=0):
    return [
        {"name": f"代表{n}", "gender": "male", "position": "副市长", "rank": n + 1, "is_head": n == head}
        for n in range(count)
    ]


@pytest.fixture
def region(db):
    return Region.objects.create(name="广西壮族自治区")


@pytest.fixture
def make_city(region):
    def make(slug):
        return MemberCity.objects.create(name=f"{slug}市", slug=slug, level="prefecture", region=region)

    return make


@pytest.fixture
def make_officer(make_city):
    def make(slug, city=None):
        city = city or make_city(slug)
        user = User.objects.create_user(slug, email=f"{slug}@example.cn", password="pw")
        return LiaisonOfficer.objects.create(user=user, city=city, name=f"{slug}联络员", position="副秘书长",
                                             email=f"{slug}@example.cn")

    return make


@pytest.fixture
def make_event(db):
    def make(**fields):
        now = timezone.now()
        defaults = {
            "title": "联络工作会议", "kind": Event.Kind.LIAISON, "status": Event.Status.PUBLISHED,
            "starts_at": now + datetime.timedelta(days=30), "ends_at": now + datetime.timedelta(days=32),
            "registration_opens_at": now - datetime.timedelta(days=1),
            "registration_closes_at": now + datetime.timedelta(days=20),
            "capacity": 10, "per_city_limit": 5, "requires_approval": False, "waiting_list": True,
        }
        return Event.objects.create(**{**defaults, **fields})

    return make


@pytest.fixture
def event_manager(db):
    user = User.objects.create_user("manager", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="event managers"))
    return user
