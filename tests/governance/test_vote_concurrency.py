"""Two hundred council members voting at the same moment are counted exactly once each, in one unbroken chain,
and no vote is taken after the window, even one that was waiting for the motion when it closed. Real PostgreSQL
connections; a control without the motion's row lock shows the test would catch the race."""

import datetime
import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction
from django.utils import timezone

from governance import integrity, services
from governance.models import Ballot, Motion, RollEntry
from tests.concurrency import run_together
from tests.factories import BodyFactory, MandateFactory, MotionFactory, SuperUserFactory, TermFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL: set DATABASE_URL to run the concurrency tests"
    ),
]

MEMBERS = 200
CONNECTIONS = 40  # PostgreSQL allows 100 connections: the votes queue for one, as for a server's workers


@pytest.fixture
def motion():
    term = TermFactory(body=BodyFactory(), starts_on=datetime.date(2022, 1, 1))
    MandateFactory.create_batch(MEMBERS, term=term)
    return services.motion_open(motion=MotionFactory(body=term.body), by=SuperUserFactory())


def everyone_votes_twice_at_once(motion):
    gate = threading.BoundedSemaphore(CONNECTIONS)

    def vote(entry, choice):
        with gate:
            services.vote_cast(entry=entry, choice=choice)
            return choice

    entries = list(RollEntry.objects.filter(motion=motion))
    jobs = [(lambda e=e: vote(e, "yes")) for e in entries] + [(lambda e=e: vote(e, "no")) for e in entries]
    return run_together(jobs, catch=(Exception,))


def test_two_hundred_members_voting_at_once_are_counted_once_each(motion):
    outcomes = everyone_votes_twice_at_once(motion)

    accepted = [outcome for outcome in outcomes if isinstance(outcome, str)]
    assert len(accepted) == MEMBERS
    assert Ballot.objects.filter(motion=motion).count() == MEMBERS
    assert sorted(Ballot.objects.filter(motion=motion).values_list("seq", flat=True)) == list(range(1, MEMBERS + 1))
    assert RollEntry.objects.filter(motion=motion, voted=True).count() == MEMBERS
    motion.refresh_from_db()
    assert motion.ballot_count == MEMBERS
    assert integrity.ballots_verify(motion) == []


def test_control_without_the_lock_the_chain_breaks_or_votes_are_lost(motion, monkeypatch):
    """The same race with the motion read without its row lock, and a moment between reading and writing."""

    def unlocked(pk):
        found = Motion.objects.get(pk=pk)
        time.sleep(0.02)
        return found

    monkeypatch.setattr(services, "_motion_locked", unlocked)

    outcomes = everyone_votes_twice_at_once(motion)

    accepted = [outcome for outcome in outcomes if isinstance(outcome, str)]
    motion.refresh_from_db()
    assert len(accepted) < MEMBERS or integrity.ballots_verify(motion) != []


def test_votes_waiting_for_the_motion_when_the_window_closes_are_refused(motion):
    Motion.objects.filter(pk=motion.pk).update(closes_at=timezone.now() + datetime.timedelta(seconds=1))
    entries = list(RollEntry.objects.filter(motion=motion)[:20])
    holding = threading.Event()

    def hold_the_motion_past_the_close():
        try:
            with transaction.atomic():
                Motion.objects.select_for_update().get(pk=motion.pk)
                holding.set()
                time.sleep(2)  # the window closes while every vote below waits for this lock
        finally:
            connections.close_all()

    holder = threading.Thread(target=hold_the_motion_past_the_close)
    holder.start()
    holding.wait(5)
    outcomes = run_together([(lambda e=e: services.vote_cast(entry=e, choice="yes")) for e in entries])
    holder.join()

    assert len(outcomes) == 20 and all(isinstance(outcome, ValidationError) for outcome in outcomes)
    assert not Ballot.objects.filter(motion=motion).exists()
    assert not RollEntry.objects.filter(motion=motion, voted=True).exists()
