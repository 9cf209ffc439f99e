"""Delegations registered for a meeting (by a member city's officer, by the secretariat on a city's behalf, or by
a guest through an invitation), their delegates and their state changes. States change only through
events.services."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.dates import sensible_dates, validate_sensible_date
from core.i18n.names import LatinNamed, latin_name_field
from core.i18n.translation import content_languages
from events.models.meetings import Event
from members.models import MemberCity


class DelegationQuerySet(models.QuerySet):
    """The one vocabulary of delegation states for every query: active, confirmed, waiting, ended."""

    def active(self):
        return self.filter(state__in=Delegation.ACTIVE_STATES)

    def ended(self):
        return self.exclude(state__in=Delegation.ACTIVE_STATES)

    def confirmed(self):
        return self.filter(state=Delegation.State.CONFIRMED)

    def pending(self):
        return self.filter(state=Delegation.State.PENDING)

    def waiting(self):
        """The waiting list in its order: first in, first out."""
        return self.filter(state=Delegation.State.WAITLISTED).order_by("waitlisted_at", "id")

    def confirmed_delegate_total(self):
        return self.confirmed().aggregate(total=Sum("delegate_count"))["total"] or 0


def new_invitation_token():
    return secrets.token_urlsafe(24)


def guest_language_choices():
    """A guest registers in Chinese or in any content language (the forum's guests read English, Vietnamese ...)."""
    names = dict(settings.LANGUAGES)
    return [("zh-hans", _("Chinese")), *((language, names.get(language, language)) for language in content_languages())]


class GuestInvitation(models.Model):
    """A personal link for a delegation that is not a member city (a foreign city, a partner organisation, a
    speaker): it needs no account, expires, and registers one delegation, in Chinese or English."""

    class Language(models.TextChoices):
        """Chinese, or a content language (settings.CONTENT_LANGUAGES): the field's choices follow the settings."""

        CHINESE = "zh-hans", _("Chinese")
        ENGLISH = "en", _("English")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="guest_invitations", verbose_name=_("event")
    )
    organisation = models.CharField(
        _("organisation or city"),
        max_length=200,
        help_text=_("As it should appear on lists and badges, e.g. Vientiane Capital."),
    )
    country = models.CharField(_("country or region"), max_length=100, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=100)
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=8, choices=guest_language_choices, default=Language.CHINESE)
    token = models.CharField(_("link code"), max_length=64, unique=True, default=new_invitation_token, editable=False)
    expires_at = models.DateTimeField(_("link expires at"), validators=[validate_sensible_date])
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("invited by")
    )
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("link sent at"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["organisation"]
        verbose_name = _("guest invitation")
        verbose_name_plural = _("guest invitations")

    def __str__(self):
        return f"{self.organisation}（{self.country}）" if self.country else self.organisation

    def get_absolute_url(self):
        """The guest's page, in the invitation's language."""
        with translation.override(self.language):
            return reverse("guest_registration", args=[self.token])

    @property
    def has_expired(self):
        return timezone.now() > self.expires_at


class Delegation(models.Model):
    """A registration for an event: of a member city (by its officer, or by staff on its behalf) or of a guest
    (through a GuestInvitation). Its state changes only through events.services."""

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("Waiting list")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    ACTIVE_STATES = (State.PENDING, State.CONFIRMED, State.WAITLISTED)

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="delegations", verbose_name=_("event"))
    city = models.ForeignKey(
        MemberCity, on_delete=models.PROTECT, null=True, blank=True, related_name="delegations", verbose_name=_("city")
    )
    guest = models.ForeignKey(
        GuestInvitation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="delegations",
        verbose_name=_("guest"),
    )  # one active at a time: a withdrawn guest may register again with the same link until it expires
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.PENDING)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )  # empty for a guest
    delegate_count = models.PositiveSmallIntegerField(_("delegates"), default=0, editable=False)
    remarks = models.TextField(_("remarks"), blank=True)
    consent_given_at = models.DateTimeField(_("consent given at"))
    waitlisted_at = models.DateTimeField(_("on the waiting list since"), null=True, blank=True, editable=False)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = DelegationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        # The back office's list, newest first: read from the index, not sorted from the whole table.
        indexes = [models.Index(fields=["-created_at", "-id"], name="delegation_newest_first")]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "city"],
                condition=Q(state__in=["pending", "confirmed", "waitlisted"]),
                name="one_active_delegation_per_city",
            ),
            models.UniqueConstraint(
                fields=["guest"],
                condition=Q(state__in=["pending", "confirmed", "waitlisted"]),
                name="one_active_delegation_per_guest",
            ),
            models.CheckConstraint(
                condition=Q(city__isnull=False, guest__isnull=True) | Q(city__isnull=True, guest__isnull=False),
                name="delegation_of_a_city_or_a_guest",
            ),
        ]

    def __str__(self):
        return f"{self.party} → {self.event}"

    @property
    def party(self):
        """Who the delegation is: the member city, or the guest (organisation and country)."""
        return self.city if self.city_id else self.guest

    @property
    def party_name(self):
        return self.city.i18n.name if self.city_id else str(self.guest)

    @property
    def is_guest(self):
        return self.guest_id is not None

    @property
    def is_active(self):
        return self.state in self.ACTIVE_STATES


def new_checkin_token():
    return secrets.token_urlsafe(18)


class DelegateQuerySet(models.QuerySet):
    def confirmed(self):
        """Delegates of confirmed delegations: those expected at the meeting."""
        return self.filter(delegation__state=Delegation.State.CONFIRMED)


class Delegate(LatinNamed, models.Model):
    class Gender(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")

    class Accommodation(models.TextChoices):
        SINGLE = "single", _("Single room")
        SHARED = "shared", _("Shared room")
        NONE = "none", _("No accommodation")

    delegation = models.ForeignKey(
        Delegation, on_delete=models.CASCADE, related_name="delegates", verbose_name=_("delegation")
    )
    name = models.CharField(pgettext_lazy("person", "name"), max_length=50)
    name_latin = latin_name_field()
    gender = models.CharField(_("gender"), max_length=6, choices=Gender.choices)
    position = models.CharField(_("position / title"), max_length=100)
    rank = models.PositiveSmallIntegerField(_("protocol rank"), default=1, help_text=_("1 is the most senior."))
    is_head = models.BooleanField(_("head of delegation"), default=False)
    mobile = models.CharField(_("mobile"), max_length=20, blank=True)
    arrival = models.DateTimeField(_("arrival"), null=True, blank=True, validators=[validate_sensible_date])
    arrival_by = models.CharField(_("arriving by (train or flight number)"), max_length=30, blank=True)
    departure = models.DateTimeField(_("departure"), null=True, blank=True, validators=[validate_sensible_date])
    departure_by = models.CharField(_("leaving by (train or flight number)"), max_length=30, blank=True)
    accommodation = models.CharField(
        _("accommodation"), max_length=6, choices=Accommodation.choices, default=Accommodation.SINGLE
    )
    dietary_needs = models.CharField(_("dietary needs"), max_length=200, blank=True)
    remarks = models.CharField(_("remarks"), max_length=300, blank=True)
    # Given by the secretariat (events/rooms.py), never by the officer: roommates point at each other.
    hotel = models.ForeignKey(
        "events.Hotel",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="guests",
        verbose_name=_("hotel"),
    )
    room_number = models.CharField(_("room number"), max_length=20, blank=True)
    roommate = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("roommate")
    )
    checkin_token = models.CharField(
        _("check-in code"), max_length=32, unique=True, default=new_checkin_token, editable=False
    )
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True, editable=False)

    objects = DelegateQuerySet.as_manager()

    class Meta:
        ordering = ["rank", "id"]
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")
        constraints = [
            *sensible_dates("delegate", moments=("arrival", "departure"), optional=("arrival", "departure")),
            models.UniqueConstraint(fields=["delegation"], condition=Q(is_head=True), name="one_head_per_delegation"),
        ]

    def __str__(self):
        return self.name


class DelegationTransition(models.Model):
    """Who moved a delegation from which state to which, when and why."""

    delegation = models.ForeignKey(
        Delegation, on_delete=models.CASCADE, related_name="transitions", verbose_name=_("delegation")
    )
    from_state = models.CharField(_("from"), max_length=10, blank=True, choices=Delegation.State.choices)
    to_state = models.CharField(_("to"), max_length=10, choices=Delegation.State.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("state change")
        verbose_name_plural = _("state changes")

    def __str__(self):
        return f"{self.get_from_state_display() or '—'} → {self.get_to_state_display()}"
