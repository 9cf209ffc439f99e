"""A secret ballot records who voted apart from how: after a vote, nothing in any table or any log line links a
voter to a choice. The test reads every table before and after the votes, and every log line written meanwhile."""

import logging

import pytest
from django.apps import apps
from django.urls import reverse

from governance.models import Ballot, Choice, Motion, RollEntry
from tests.governance.conftest import open_motion

pytestmark = pytest.mark.django_db

CHOICES = set(Choice.values)


def every_row():
    """(table, primary key) -> the row's values as text, for every table Django knows, the join tables too."""
    rows = {}
    for model in apps.get_models(include_auto_created=True):
        for values in model.objects.values():
            rows[(model._meta.db_table, values[model._meta.pk.attname])] = {k: str(v) for k, v in values.items()}
    return rows


class Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.lines = []

    def emit(self, record):
        self.lines.append(f"{record.getMessage()} {record.__dict__}")


@pytest.fixture
def every_log_line():
    handler = Collect()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    loggers = [logging.getLogger(name) for name in ("portal.request", "django.request", "django.db.backends")]
    propagate = [(logger, logger.propagate, logger.level) for logger in loggers]
    for logger in loggers:
        logger.propagate, logger.level = True, logging.DEBUG
    yield handler.lines
    root.removeHandler(handler)
    root.setLevel(old_level)
    for logger, was, level in propagate:
        logger.propagate, logger.level = was, level


def test_nothing_links_a_voter_to_a_choice(client, council, secretariat, every_log_line):
    motion = open_motion(council, secretariat, secrecy=Motion.Secrecy.SECRET)
    roll = list(RollEntry.objects.filter(motion=motion).select_related("mandate", "mandate__user").order_by("pk"))
    before = every_row()
    every_log_line.clear()

    votes = {roll[0]: "yes", roll[1]: "no", roll[2]: "abstain", roll[3]: "no"}
    for number, (entry, choice) in enumerate(votes.items()):
        if number % 2:  # half by the personal link, half on the desk
            client.post(reverse("ballots:vote", args=[entry.token]), {"choice": choice})
        else:
            client.force_login(entry.mandate.user)
            client.post(reverse("votes:vote", args=[motion.pk]), {"choice": choice})
            client.logout()
    after = every_row()

    # The ballots name no voter and carry no time: only the motion, a place in the chain, the choice and hashes.
    ballots = list(Ballot.objects.filter(motion=motion).values())
    assert sorted(b["choice"] for b in ballots) == sorted(votes.values())
    assert all(b["voter_id"] is None for b in ballots)
    assert {f.name for f in Ballot._meta.get_fields()} == {
        "id",
        "motion",
        "seq",
        "choice",
        "voter",
        "previous_hash",
        "hash",
    }

    # Every other row the votes wrote or changed holds no choice; the roll says only "voted", on rows made when
    # the vote opened (so their order says nothing of the order of voting).
    ballot_table = Ballot._meta.db_table
    changed = {key: row for key, row in after.items() if before.get(key) != row and key[0] != ballot_table}
    for (table, _pk), row in changed.items():
        assert not CHOICES & set(row.values()), (table, row)
    assert {key for key in changed if key[0] == RollEntry._meta.db_table} == {
        (RollEntry._meta.db_table, entry.pk) for entry in votes
    }
    assert all(key in before for key in changed if key[0] == RollEntry._meta.db_table)

    # No log line names a voter: no account, token or name, and the request lines give the pattern, not the path.
    secrets = {str(entry.token) for entry in votes} | {entry.token[:4] + "…" for entry in votes}
    secrets |= {entry.mandate.user.username for entry in votes} | {entry.mandate.name for entry in votes}
    assert every_log_line, "the requests were logged"
    for line in every_log_line:
        assert not any(secret in line for secret in secrets), line
        assert not any(f"'choice': '{choice}'" in line or f'"{choice}"' in line for choice in CHOICES), line


def test_an_open_ballot_does_record_who_voted_how(client, council, secretariat):
    motion = open_motion(council, secretariat)
    entry = RollEntry.objects.filter(motion=motion).select_related("mandate").first()

    client.post(reverse("ballots:vote", args=[entry.token]), {"choice": "no"})

    assert list(Ballot.objects.values_list("voter", "choice")) == [(entry.mandate_id, "no")]
