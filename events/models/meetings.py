"""Meetings: series with numbered editions, events with their registration window, agenda, speakers, photos."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.dates import sensible_dates, validate_sensible_date
from core.i18n.translation import TranslatedMixin, localized
from core.integrity import IntegrityChecked
from core.media.images import Photo, RenditionsMixin
from core.media.uploads import CleanImageField, validate_image
from members.models import MemberCity


class EventSeries(TranslatedMixin, models.Model):
    """A recurring meeting with numbered editions, e.g. the China–ASEAN mayors' forum."""

    name = models.CharField(_("name"), max_length=100)
    translated_fields = ("name", "description")
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def __str__(self):
        return localized(self, "name")

    def get_absolute_url(self):
        return reverse("events:series", args=[self.slug])


class EventQuerySet(models.QuerySet):
    def published(self):
        """Public: published or cancelled (a cancelled meeting stays visible with its notice)."""
        return self.exclude(status=Event.Status.DRAFT)

    def upcoming(self):
        return self.published().filter(ends_at__gte=timezone.now()).order_by("starts_at")

    def past(self):
        return self.published().filter(ends_at__lt=timezone.now()).order_by("-starts_at")

    def open_for_registration(self):
        return self.filter(RegistrationWindow.open_q(timezone.now())).order_by("starts_at")


OPTIONAL_MOMENTS = ("registration_opens_at", "registration_closes_at", "edit_deadline")


class RegistrationWindow:
    """The one rule of "open for registration", for the database (open_q) and for an event in hand (state_of):
    a published meeting whose window has opened and not closed; without a closing time it stays open until the
    meeting ends. Without an opening time there is no online registration."""

    OPEN, LATER, CLOSED, NONE = "open", "later", "closed", "none"

    @staticmethod
    def open_q(now):
        return Q(status=Event.Status.PUBLISHED, registration_opens_at__lte=now) & (
            Q(registration_closes_at__gte=now) | Q(registration_closes_at__isnull=True, ends_at__gte=now)
        )

    @staticmethod
    def open_to_guest(event, invitation, now):
        """A guest's personal link registers outside the officers' window: while the link lasts, for a published
        meeting that has not ended."""
        return now <= invitation.expires_at and event.status == Event.Status.PUBLISHED and event.ends_at >= now

    @classmethod
    def state_of(cls, event, now):
        if event.status != Event.Status.PUBLISHED or event.registration_opens_at is None:
            return cls.NONE if event.registration_opens_at is None else cls.CLOSED
        if now < event.registration_opens_at:
            return cls.LATER
        return cls.OPEN if now <= event.registration_closes else cls.CLOSED


class Event(TranslatedMixin, IntegrityChecked, RenditionsMixin, models.Model):
    IMAGE_FIELD = "cover"

    class Kind(models.TextChoices):
        CONGRESS = "congress", _("Member congress")
        FORUM = "forum", _("Forum")
        LIAISON = "liaison", _("Liaison-work conference")
        TRAINING = "training", _("Training course")
        SITE_VISIT = "visit", _("Site visit")
        SEMINAR = "seminar", _("Seminar")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("Optional for an edition of a series: the series name and edition number are shown anyway."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    series = models.ForeignKey(
        EventSeries, on_delete=models.PROTECT, null=True, blank=True, related_name="editions", verbose_name=_("series")
    )
    edition = models.PositiveSmallIntegerField(_("edition"), null=True, blank=True)
    host_city = models.ForeignKey(
        MemberCity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_events",
        verbose_name=_("host city"),
    )
    branch = models.ForeignKey(
        "association.Branch",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("branch"),
        help_text=_("A branch's own meeting: shown on the branch's site as well as everywhere else."),
    )
    translated_fields = ("title", "venue", "description")
    integrity_fields = ("title", "venue", "description")
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts at"), validators=[validate_sensible_date])
    ends_at = models.DateTimeField(_("ends at"), validators=[validate_sensible_date])
    description = models.TextField(_("description"), blank=True)
    cover = CleanImageField(_("cover image"), upload_to="events/", blank=True, validators=[validate_image])
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("first published at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the meeting was first made public: e-mail digests list it from then."),
    )
    registration_opens_at = models.DateTimeField(
        _("registration opens"), null=True, blank=True, validators=[validate_sensible_date]
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"), null=True, blank=True, validators=[validate_sensible_date]
    )
    edit_deadline = models.DateTimeField(
        _("changes allowed until"),
        null=True,
        blank=True,
        help_text=_("Empty: until registration closes."),
        validators=[validate_sensible_date],
    )
    capacity = models.PositiveIntegerField(_("capacity (delegates)"), default=100)
    per_city_limit = models.PositiveSmallIntegerField(_("delegates per city at most"), default=5)
    requires_approval = models.BooleanField(_("staff approve each delegation"), default=True)
    waiting_list = models.BooleanField(_("waiting list"), default=True)
    reminder_days = models.PositiveSmallIntegerField(_("reminder, days before"), default=3)
    attending_cities = models.PositiveIntegerField(_("cities attending"), null=True, blank=True, editable=False)
    lists_attending_cities = models.BooleanField(
        _("list the attending cities on the meeting's page"),
        default=False,
        help_text=_("The member cities with a confirmed delegation; the delegates' names are never shown."),
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            *sensible_dates("event", moments=("starts_at", "ends_at", *OPTIONAL_MOMENTS), optional=OPTIONAL_MOMENTS),
            models.CheckConstraint(condition=Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start"),
            models.UniqueConstraint(fields=["series", "edition"], name="one_event_per_edition"),
        ]

    def __str__(self):
        return self.display_title

    def save(self, *args, **kwargs):
        if self.status != self.Status.DRAFT and self.published_at is None:
            self.published_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "published_at"}
        super().save(*args, **kwargs)

    @property
    def display_title(self):
        """The title in the reader's language; an edition of a series is named after the series."""
        title = localized(self, "title")
        if self.series_id and self.edition:
            numbered = _("%(edition)s %(series)s") % {
                "edition": edition_label(self.edition),
                "series": localized(self.series, "name"),
            }
            if title and title not in numbered:
                return _("%(numbered)s: %(title)s") % {"numbered": numbered, "title": title}
            return numbered
        return title

    def clean(self):
        errors = {}
        if not self.title and not (self.series_id and self.edition):
            errors["title"] = _("Give a title, or a series and an edition number.")
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("The event cannot end before it starts.")
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at < self.registration_opens_at
        ):
            errors["registration_closes_at"] = _("Registration cannot close before it opens.")
        if self.per_city_limit and self.capacity and self.per_city_limit > self.capacity:
            errors["per_city_limit"] = _("The per-city limit cannot exceed the capacity.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_live(self):
        """What EventQuerySet.published() finds, for one meeting in hand."""
        return self.status != self.Status.DRAFT

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.pk])

    @property
    def registration_state(self):
        """RegistrationWindow.OPEN, LATER, CLOSED or NONE (no online registration), now."""
        return RegistrationWindow.state_of(self, timezone.now())

    @property
    def is_open_for_registration(self):
        return self.registration_state == RegistrationWindow.OPEN

    @property
    def registration_opens_later(self):
        return self.registration_state == RegistrationWindow.LATER

    @property
    def registration_closes(self):
        """When registration closes: its closing time, or without one the end of the meeting."""
        return self.registration_closes_at or self.ends_at

    @property
    def changes_allowed_until(self):
        return self.edit_deadline or self.registration_closes

    def changes_allowed(self):
        deadline = self.changes_allowed_until
        return self.status == self.Status.PUBLISHED and (deadline is None or timezone.now() <= deadline)


def edition_label(number):
    return _("No. %(number)d") % {"number": number}


class Speaker(TranslatedMixin, models.Model):
    name = models.CharField(pgettext_lazy("person", "name"), max_length=50)
    translated_fields = ("name", "title", "organisation")
    title = models.CharField(_("title"), max_length=100, blank=True, help_text=_("E.g. professor, director."))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return f"{self.name}（{self.organisation}）" if self.organisation else self.name


class AgendaItem(TranslatedMixin, models.Model):
    class Kind(models.TextChoices):
        OPENING = "opening", _("Opening")
        REPORT = "report", _("Report")
        LECTURE = "lecture", _("Lecture")
        PANEL = "panel", _("Panel")
        SITE_VISIT = "visit", _("Site visit")
        DINNER = "dinner", _("Dinner")
        OTHER = "other", _("Other")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agenda", verbose_name=_("event"))
    day = models.DateField(_("day"), validators=[validate_sensible_date])
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("until"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=200)
    translated_fields = ("title",)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OTHER)
    place = models.CharField(_("place"), max_length=200, blank=True)
    speakers = models.ManyToManyField(Speaker, blank=True, related_name="agenda_items", verbose_name=_("speakers"))

    class Meta:
        ordering = ["day", "starts_at", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda")
        constraints = [*sensible_dates("agendaitem", days=("day",))]

    def __str__(self):
        return localized(self, "title")


class EventPhoto(Photo):
    UPLOAD_FOLDER = "events/photos"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="photos", verbose_name=_("event"))
