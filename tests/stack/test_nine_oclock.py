"""Nine o'clock in miniature (the full thousand is `make bench-http`, tools/bench_nine.py): 200 member cities post
their delegation as registration opens, open loop, through the shipped nginx and two instances sharing
PostgreSQL; then twenty confirmed cities withdraw at the same moment."""

import json

import pytest

from events.models import Delegation, Event
from tests.stack.conftest import ROOT
from tests.stack.nine import arrivals, burst, figures, problems, withdrawal_body
from tests.stack.processes import Nginx

pytestmark = [pytest.mark.postgres, pytest.mark.stack]

CITIES = 200


@pytest.fixture
def nine_oclock(stack, tmp_path):
    if not Nginx.available():
        pytest.skip("needs nginx (Debian package)")
    stack.redis.start()
    seeded = json.loads(
        stack.manage("shell", "-c", (ROOT / "tests/stack/seed_nine.py").read_text(), NINE_CITIES=CITIES)
        .strip()
        .splitlines()[-1]
    )
    one, two = stack.web("web-one", workers=3), stack.web("web-two", workers=3)
    nginx = Nginx(tmp_path, [one.port, two.port], static_root=tmp_path / "static", media_root=tmp_path / "media")
    nginx.start(access_log=False)
    yield stack, nginx, Event.objects.get(pk=seeded["meetings"][0]), seeded["sessions"]
    nginx.stop()


def test_two_hundred_cities_at_nine_oclock_then_twenty_withdrawals_at_once(nine_oclock):
    stack, nginx, meeting, sessions = nine_oclock
    path = f"/portal/events/{meeting.pk}/delegation/"

    posts = burst(nginx.https_port, path, sessions, arrivals(CITIES, within=6, first_seconds=1), tls=nginx.tls)
    print("nine o'clock, 200 cities:", {k: round(v, 1) for k, v in figures(posts).items()})

    assert problems(meeting, posts) == [], stack.logs()
    assert Delegation.objects.filter(event=meeting).active().count() == CITIES
    waiting_before = list(Delegation.objects.filter(event=meeting).waiting().values_list("city_id", flat=True))
    assert len(waiting_before) > 100  # the meeting is well oversubscribed, or nothing was tested

    confirmed = list(
        Delegation.objects.filter(event=meeting, state=Delegation.State.CONFIRMED).values_list("city_id", flat=True)
    )
    leaving = [pair for pair in sessions if pair[0] in set(confirmed[:20])]
    answers = burst(nginx.https_port, path, leaving, [0.0] * len(leaving), tls=nginx.tls, body=withdrawal_body)

    assert [a.status for a in answers] == [302] * 20, stack.logs()
    promoted = set(
        Delegation.objects.filter(
            event=meeting, state=Delegation.State.CONFIRMED, city_id__in=waiting_before
        ).values_list("city_id", flat=True)
    )
    assert promoted and promoted == set(waiting_before[: len(promoted)])  # first in, first out
    assert problems(meeting, []) == []  # still within capacity, and the new head of the queue does not fit
