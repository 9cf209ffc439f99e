"""Run by `manage.py shell` in the database-outage test: an open meeting, N cities with an officer each, and a
signed-in session per officer; prints {"event": id, "sessions": {city_id: session cookie}} as JSON."""

import datetime
import json
import os

from django.test import Client
from django.utils import timezone

from events.models import Event
from tests.factories import EventFactory, LiaisonOfficerFactory, MemberCityFactory

now = timezone.now()
event = EventFactory(
    title="联络工作会议",
    kind=Event.Kind.LIAISON,
    status=Event.Status.PUBLISHED,
    starts_at=now + datetime.timedelta(days=30),
    ends_at=now + datetime.timedelta(days=31),
    registration_opens_at=now - datetime.timedelta(days=1),
    registration_closes_at=now + datetime.timedelta(days=20),
    capacity=500,
    per_city_limit=5,
    requires_approval=False,
    waiting_list=True,
)
sessions = {}
for n in range(int(os.environ["BURST_CITIES"])):
    officer = LiaisonOfficerFactory(
        city=MemberCityFactory(name=f"城市{n}", slug=f"city{n}"), email=f"city{n}@example.cn", user__username=f"city{n}"
    )
    client = Client()
    client.force_login(officer.user)
    sessions[officer.city_id] = client.cookies["sessionid"].value
print(json.dumps({"event": event.pk, "sessions": sessions}))
