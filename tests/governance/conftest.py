import datetime

import pytest
from django.utils import timezone

from governance import services
from tests.factories import BodyFactory, MandateFactory, MotionFactory, SuperUserFactory, TermFactory, UserFactory


@pytest.fixture
def secretariat(db):
    """A superuser (the tests of votes run in transactional mode too, where groups from migrations are gone)."""
    return SuperUserFactory()


@pytest.fixture
def council(db):
    """A council whose current term has seven members with accounts, and a past term with two others."""
    body = BodyFactory(name="理事会")
    term = TermFactory(body=body, number=2, starts_on=datetime.date(2022, 1, 1))
    past = TermFactory(body=body, number=1, starts_on=datetime.date(2017, 1, 1), ends_on=datetime.date(2021, 12, 31))
    MandateFactory.create_batch(2, term=past)
    members = [MandateFactory(term=term, user=UserFactory(), email=f"member{n}@example.cn") for n in range(7)]
    body.members = members
    return body


def open_motion(council, secretariat, **fields):
    motion = MotionFactory(body=council, **fields)
    return services.motion_open(motion=motion, by=secretariat)


def close(motion):
    """Move the window into the past, as time would."""
    type(motion).objects.filter(pk=motion.pk).update(
        opens_at=timezone.now() - datetime.timedelta(days=2), closes_at=timezone.now() - datetime.timedelta(days=1)
    )
    motion.refresh_from_db()
    return motion
