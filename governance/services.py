"""Every change to a vote goes through here: opening it (the roll is taken then), casting a ballot (once, inside the
window, under the motion's row lock, onto the hash chain), and publishing the result once the window has closed."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import publication
from core.i18n.translation import columns
from core.locks import atomic_with_lock_timeout
from core.mail import outbox
from governance import contributions
from governance.models import Ballot, Choice, Mandate, Motion, Resolution, RollEntry
from governance.selectors import current_term, motion_result

if TYPE_CHECKING:
    from django.contrib.auth.models import User


@atomic_with_lock_timeout
def motion_open(*, motion: Motion, by: User) -> Motion:
    """Put a prepared motion to the vote: the roll is the body's members in its current term at this moment (the
    quorum is counted from it), and each member on it is sent a personal voting link."""
    if not by.has_perm("governance.change_motion"):
        raise PermissionDenied(_("You may not open votes."))
    motion = Motion.objects.select_for_update().get(pk=motion.pk)
    if motion.state != Motion.State.DRAFT:
        raise ValidationError(_("This vote has already been opened."))
    if motion.closes_at <= timezone.now():
        raise ValidationError(_("The voting window has already passed: set a later closing time."))
    term = current_term(motion.body_id)
    if term is None:
        raise ValidationError(_("This body has no current term, so nobody could vote."))
    members = list(Mandate.objects.current().filter(term=term).select_related("user"))
    if not members:
        raise ValidationError(_("The body's current term has no members, so nobody could vote."))
    entries = RollEntry.objects.bulk_create(
        RollEntry(motion=motion, mandate=mandate, token=secrets.token_urlsafe(32)) for mandate in members
    )
    motion.term = term
    motion.state = Motion.State.OPEN
    motion.roll_size = len(entries)
    motion.ballot_head = motion.genesis_hash()
    motion.save(update_fields=["term", "state", "roll_size", "ballot_head"])
    _send_voting_links(motion, entries)
    return motion


def _send_voting_links(motion: Motion, entries: list[RollEntry]) -> None:
    messages = []
    for entry in entries:
        address = entry.mandate.email or (entry.mandate.user.email if entry.mandate.user else "")
        if not address:
            continue
        context = {"motion": motion, "mandate": entry.mandate, "link": reverse("ballots:vote", args=[entry.token])}
        messages.append(
            outbox.composed(
                kind=contributions.VOTE.code,
                key=f"vote:{motion.pk}:{entry.pk}",
                to=address,
                template="governance/email/vote_opened",
                context=context,
                language="zh-hans",
            )
        )
    outbox.enqueue_many(messages)


@atomic_with_lock_timeout
def vote_cast(*, entry: RollEntry, choice: str) -> None:
    """One member's vote: accepted once, and only while the window is open, both checked under the motion's row
    lock so that two votes at the same moment take their places in the chain one after the other. A secret ballot
    is written without its voter; the roll entry only learns that its member has voted."""
    if choice not in Choice.values:
        raise ValidationError(_("Choose in favour, against or abstain."))
    motion = _motion_locked(entry.motion_id)
    if not motion.is_open:  # read after the lock was granted: a vote that waited past the window is refused
        raise ValidationError(_("Voting has closed.") if motion.is_closed else _("This vote is not open for voting."))
    marked = RollEntry.objects.filter(pk=entry.pk, motion=motion, voted=False).update(voted=True)
    if not marked:
        raise ValidationError(_("You have already voted on this motion."))
    ballot = Ballot(
        motion=motion,
        seq=motion.ballot_count + 1,
        choice=choice,
        voter_id=None if motion.is_secret else entry.mandate_id,
        previous_hash=motion.ballot_head,
    )
    ballot.hash = ballot.computed_hash()
    ballot.save()
    Motion.objects.filter(pk=motion.pk).update(ballot_count=ballot.seq, ballot_head=ballot.hash)


def _motion_locked(pk: int) -> Motion:
    """The motion, its row locked until the transaction ends: ballots join the chain one at a time."""
    return Motion.objects.select_for_update().get(pk=pk)


def roll_entry_for(*, motion: Motion, user: User) -> RollEntry | None:
    """The signed-in person's place on a vote's roll, if they have one."""
    if not user.is_authenticated:
        return None
    return RollEntry.objects.filter(motion=motion, mandate__user=user).select_related("mandate").first()


@atomic_with_lock_timeout
def motion_publish_result(*, motion: Motion, by: User, public: bool) -> Resolution:
    """After the window: the outcome, worked out from the ballots, becomes the body's resolution; `public` shows it
    on the public site too. Before the window closes the result is sealed and nothing is published."""
    if not by.has_perm("governance.change_motion"):
        raise PermissionDenied(_("You may not publish results."))
    motion = Motion.objects.select_for_update().get(pk=motion.pk)
    if not motion.is_closed:
        raise ValidationError(_("The result stays sealed until voting closes."))
    result = motion_result(motion)
    resolution = Resolution.objects.filter(motion=motion).first() or Resolution(
        motion=motion, body_id=motion.body_id, meeting_id=motion.meeting_id
    )
    for field in columns("title", "text"):
        setattr(resolution, field, getattr(motion, field))
    resolution.outcome = result.outcome
    resolution.decided_on = timezone.localdate(motion.closes_at)
    resolution.is_public = public
    with publication.changing(resolution):
        resolution.save()
    Motion.objects.filter(pk=motion.pk).update(results_public=public)
    return resolution
