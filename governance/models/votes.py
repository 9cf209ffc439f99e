"""Votes (表决) on a motion by a body's members: the roll taken when the vote opens, and ballots in a hash chain.

For a secret ballot, who voted (RollEntry.voted) and how (Ballot.choice) are kept apart: a ballot names no voter
and carries no time, and a roll entry says only that its person has voted."""

from __future__ import annotations

import hashlib

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.dates import sensible_dates
from core.i18n.translation import TranslatedMixin, localized


class Choice(models.TextChoices):
    YES = "yes", _("In favour")
    NO = "no", _("Against")
    ABSTAIN = "abstain", _("Abstain")


class MotionQuerySet(models.QuerySet):
    def open_now(self):
        now = timezone.now()
        return self.filter(state=Motion.State.OPEN, opens_at__lte=now, closes_at__gt=now)

    def closed(self):
        """Votes whose window has passed: their results are unsealed."""
        return self.filter(state=Motion.State.OPEN, closes_at__lte=timezone.now())


class Motion(TranslatedMixin, models.Model):
    """A motion put to a vote of a body's members in a window, with the quorum and the majority it needs stored on
    it, so that the outcome is worked out from the ballots."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Being prepared")
        OPEN = "open", _("Put to the vote")  # open or, past closes_at, closed: time decides, not a job

    class Secrecy(models.TextChoices):
        OPEN = "open", _("Open ballot (who voted how is recorded)")
        SECRET = "secret", _("Secret ballot (who voted is recorded apart from how)")

    class Quorum(models.TextChoices):
        NONE = "none", _("None")
        HALF = "half", _("More than half of the members vote")
        TWO_THIRDS = "two_thirds", _("At least two thirds of the members vote")

    class Majority(models.TextChoices):
        SIMPLE_OF_VOTING = "simple_voting", _("More than half of the votes cast")
        TWO_THIRDS_OF_VOTING = "two_thirds_voting", _("At least two thirds of the votes cast")
        SIMPLE_OF_MEMBERS = "simple_members", _("More than half of all members")
        TWO_THIRDS_OF_MEMBERS = "two_thirds_members", _("At least two thirds of all members")

    body = models.ForeignKey(
        "governance.Body",
        on_delete=models.PROTECT,
        related_name="motions",
        verbose_name=pgettext_lazy("governing body", "body"),
    )
    meeting = models.ForeignKey(
        "governance.CouncilMeeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="motions",
        verbose_name=_("meeting"),
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text of the motion"), blank=True)
    translated_fields = ("title", "text")
    secrecy = models.CharField(_("ballot"), max_length=10, choices=Secrecy.choices, default=Secrecy.OPEN)
    quorum = models.CharField(_("quorum"), max_length=12, choices=Quorum.choices, default=Quorum.HALF)
    majority = models.CharField(
        _("majority needed"), max_length=20, choices=Majority.choices, default=Majority.SIMPLE_OF_VOTING
    )
    opens_at = models.DateTimeField(_("voting opens"))
    closes_at = models.DateTimeField(_("voting closes"))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT, editable=False)
    term = models.ForeignKey(
        "governance.Term",
        on_delete=models.PROTECT,
        null=True,
        editable=False,
        related_name="motions",
        verbose_name=_("term"),
    )
    roll_size = models.PositiveIntegerField(_("members on the roll"), default=0, editable=False)
    ballot_count = models.PositiveIntegerField(_("ballots cast"), default=0, editable=False)
    ballot_head = models.CharField(_("last ballot's hash"), max_length=64, blank=True, editable=False)
    results_public = models.BooleanField(_("result published on the public site"), default=False, editable=False)

    objects = MotionQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at", "-id"]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            *sensible_dates("motion", moments=("opens_at", "closes_at")),
            models.CheckConstraint(condition=models.Q(closes_at__gt=models.F("opens_at")), name="motion_window"),
        ]

    def __str__(self):
        return localized(self, "title")

    @property
    def is_open(self):
        return self.state == self.State.OPEN and self.opens_at <= timezone.now() < self.closes_at

    @property
    def is_closed(self):
        """The window has passed: ballots are counted and the result may be read."""
        return self.state == self.State.OPEN and self.closes_at <= timezone.now()

    @property
    def is_secret(self):
        return self.secrecy == self.Secrecy.SECRET

    def genesis_hash(self) -> str:
        return hashlib.sha256(f"motion:{self.pk}".encode()).hexdigest()


class RollEntry(models.Model):
    """A member on the roll of one vote, taken from the body's current term when the vote opened. `voted` says
    that this member has voted, and nothing about how; the token is their personal voting link."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="roll", verbose_name=_("vote"))
    mandate = models.ForeignKey(
        "governance.Mandate", on_delete=models.PROTECT, related_name="roll_entries", verbose_name=_("member")
    )
    token = models.CharField(_("personal link"), max_length=64, unique=True, editable=False)
    voted = models.BooleanField(_("has voted"), default=False, editable=False)

    class Meta:
        ordering = ["motion_id", "mandate__position__order", "mandate__order", "mandate_id"]
        verbose_name = _("member on the roll")
        verbose_name_plural = _("roll")
        constraints = [models.UniqueConstraint(fields=["motion", "mandate"], name="governance_roll_once")]

    def __str__(self):
        return str(self.mandate)


class Ballot(models.Model):
    """One vote cast, at its place in the motion's chain: its hash covers the hash of the ballot before, so an edit
    made in the database breaks the chain (governance.integrity). A secret ballot has no voter."""

    motion = models.ForeignKey(Motion, on_delete=models.PROTECT, related_name="ballots", verbose_name=_("vote"))
    seq = models.PositiveIntegerField(_("number in the chain"))
    choice = models.CharField(_("choice"), max_length=8, choices=Choice.choices)
    voter = models.ForeignKey(
        "governance.Mandate",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("voter (open ballots only)"),
    )
    previous_hash = models.CharField(_("hash of the ballot before"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64)

    class Meta:
        ordering = ["motion_id", "seq"]
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [models.UniqueConstraint(fields=["motion", "seq"], name="governance_ballot_seq_unique")]

    def __str__(self):
        return f"{self.motion_id}#{self.seq}"

    def computed_hash(self) -> str:
        material = f"{self.previous_hash}|{self.motion_id}|{self.seq}|{self.choice}|{self.voter_id or ''}"
        return hashlib.sha256(material.encode()).hexdigest()
