"""Bodies, terms and mandates; their meetings and resolutions; votes with their roll and ballots."""

from governance.models.bodies import Body, Mandate, MandateQuerySet, Position, Term, TermQuerySet
from governance.models.meetings import CouncilMeeting, Resolution
from governance.models.votes import Ballot, Choice, Motion, RollEntry

__all__ = [
    "Ballot",
    "Body",
    "Choice",
    "CouncilMeeting",
    "Mandate",
    "MandateQuerySet",
    "Motion",
    "Position",
    "Resolution",
    "RollEntry",
    "Term",
    "TermQuerySet",
]
