"""Run by `manage.py shell` for the nine o'clock scenario (tests/stack/nine.py): NINE_CITIES member cities with an
officer each, signed in, and NINE_MEETINGS meetings whose registration is open, with NINE_PLACES places and a
waiting list. Written in bulk, so a thousand cities take seconds. Prints
{"meetings": [id, ...], "sessions": [[city_id, session cookie], ...]} as JSON."""

import datetime
import json
import os

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone

from events.models import Event
from members.models import LiaisonOfficer, MemberCity
from tests.factories import EventFactory, RegionFactory

count = int(os.environ["NINE_CITIES"])
region = RegionFactory(name="九点区域")
cities = MemberCity.objects.bulk_create(
    MemberCity(
        name=f"九点城市{n}",
        name_en=f"Nine {n}",
        slug=f"nine-{n}",
        level=MemberCity.Level.PREFECTURE,
        region=region,
        joined_on=datetime.date(2010, 1, 1),
    )
    for n in range(count)
)
users = get_user_model().objects.bulk_create(
    get_user_model()(username=f"nine{n}", email=f"nine{n}@example.cn", password="!") for n in range(count)
)
LiaisonOfficer.objects.bulk_create(
    LiaisonOfficer(
        city=city,
        user=user,
        name=f"联络员{n}",
        position="市人民政府副秘书长",
        mobile=f"1390000{n:04d}",
        email=user.email,
        appointed_on=datetime.date(2021, 3, 1),
        is_primary=True,
        is_active=True,
    )
    for n, (city, user) in enumerate(zip(cities, users, strict=True))
)
sessions = []
for city, user in zip(cities, users, strict=True):
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "members.auth.PortalBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    sessions.append([city.pk, session.session_key])
now = timezone.now()
meetings = [
    EventFactory(
        title=f"第{n + 1}次联络工作会议",
        kind=Event.Kind.LIAISON,
        status=Event.Status.PUBLISHED,
        starts_at=now + datetime.timedelta(days=30),
        ends_at=now + datetime.timedelta(days=31),
        registration_opens_at=now - datetime.timedelta(minutes=1),
        registration_closes_at=now + datetime.timedelta(days=20),
        capacity=int(os.environ.get("NINE_PLACES", "100")),
        per_city_limit=3,
        requires_approval=False,
        waiting_list=True,
    ).pk
    for n in range(int(os.environ.get("NINE_MEETINGS", "1")))
]
print(json.dumps({"meetings": meetings, "sessions": sessions}))
