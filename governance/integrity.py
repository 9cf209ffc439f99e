"""The check of a vote's ballots: each ballot's hash covers the one before, the motion keeps the last hash and the
count, and the roll knows how many have voted. An edit, insertion or deletion made in the database outside the
portal breaks one of these, and the check says where."""

from __future__ import annotations

from django.utils.translation import gettext as _

from governance.models import Ballot, Motion, RollEntry


def ballots_verify(motion: Motion) -> list[str]:
    """The problems found in a vote's ballots; an empty list means the chain is whole."""
    problems = []
    previous = motion.genesis_hash()
    seq = 0
    for ballot in Ballot.objects.filter(motion=motion).order_by("seq").iterator():
        seq += 1
        if ballot.seq != seq:
            problems.append(_("Ballot %(seq)s is missing from the chain.") % {"seq": seq})
            seq = ballot.seq
        if ballot.previous_hash != previous:
            problems.append(_("Ballot %(seq)s does not follow the ballot before it.") % {"seq": ballot.seq})
        if ballot.computed_hash() != ballot.hash:
            problems.append(_("Ballot %(seq)s was changed after it was cast.") % {"seq": ballot.seq})
        if motion.is_secret and ballot.voter_id is not None:
            problems.append(_("Ballot %(seq)s of a secret vote names a voter.") % {"seq": ballot.seq})
        previous = ballot.hash
    if motion.state == Motion.State.OPEN:
        if seq != motion.ballot_count or previous != motion.ballot_head:
            problems.append(
                _("The vote recorded %(expected)s ballots ending in another hash; the chain holds %(found)s.")
                % {"expected": motion.ballot_count, "found": seq}
            )
        voted = RollEntry.objects.filter(motion=motion, voted=True).count()
        if voted != seq:
            problems.append(
                _("%(voted)s members have voted, but there are %(found)s ballots.") % {"voted": voted, "found": seq}
            )
    return problems
