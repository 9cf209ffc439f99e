"""Bodies, their terms and mandates, meetings, resolutions and votes."""

import datetime
import hashlib
import secrets

import factory
from django.utils import timezone

from governance.models import (
    Ballot,
    Body,
    Choice,
    CouncilMeeting,
    Mandate,
    Motion,
    Position,
    Resolution,
    RollEntry,
    Term,
)


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    name = factory.Sequence(lambda n: f"职务{n}")
    name_en = factory.Sequence(lambda n: f"Position {n}")
    order = factory.Sequence(lambda n: n)
    leading = True


class BodyFactory(factory.django.DjangoModelFactory):
    """A body of the association itself; `branch=` for a branch's."""

    class Meta:
        model = Body

    name = factory.Sequence(lambda n: f"理事会{n}")
    name_en = factory.Sequence(lambda n: f"Council {n}")
    kind = Body.Kind.COUNCIL
    branch = None


class TermFactory(factory.django.DjangoModelFactory):
    """A current term (started in 2020, no end)."""

    class Meta:
        model = Term

    body = factory.SubFactory(BodyFactory)
    number = factory.Sequence(lambda n: n + 1)
    starts_on = datetime.date(2020, 1, 1)
    ends_on = None


class MandateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mandate

    term = factory.SubFactory(TermFactory)
    position = factory.SubFactory(PositionFactory)
    name = factory.Sequence(lambda n: f"领导{n}")
    affiliation = "某市人民政府市长"


class CouncilMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CouncilMeeting

    term = factory.SubFactory(TermFactory)
    body = factory.SelfAttribute("term.body")
    title = factory.Sequence(lambda n: f"理事会第{n}次会议")
    held_on = datetime.date(2026, 3, 1)


class MotionFactory(factory.django.DjangoModelFactory):
    """A motion being prepared, whose window runs from a minute ago for an hour."""

    class Meta:
        model = Motion

    body = factory.SubFactory(BodyFactory)
    title = factory.Sequence(lambda n: f"关于第{n}项事项的议案")
    text = "议案全文。"
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(minutes=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(hours=1))


class RollEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RollEntry

    motion = factory.SubFactory(MotionFactory)
    mandate = factory.SubFactory(MandateFactory)
    token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))


class BallotFactory(factory.django.DjangoModelFactory):
    """The first ballot of its motion's chain (votes are cast through governance.services)."""

    class Meta:
        model = Ballot

    motion = factory.SubFactory(MotionFactory)
    seq = 1
    choice = Choice.YES
    previous_hash = factory.LazyAttribute(lambda ballot: ballot.motion.genesis_hash())
    hash = factory.LazyAttribute(lambda ballot: hashlib.sha256(b"placeholder").hexdigest())

    @factory.post_generation
    def chained(ballot, create, extracted, **kwargs):
        ballot.hash = ballot.computed_hash()
        if create:
            ballot.save(update_fields=["hash"])


class ResolutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resolution

    body = factory.SubFactory(BodyFactory)
    title = factory.Sequence(lambda n: f"第{n}号决议")
    text = "决议全文。"
    outcome = Resolution.Outcome.ADOPTED
    decided_on = datetime.date(2026, 3, 1)
    is_public = True
