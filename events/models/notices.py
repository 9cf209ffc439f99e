"""Meeting notices (会议通知): what the secretariat sends the member cities about a meeting, with the official file
and a date to reply by; for each city, when it was sent and read, and its reply."""

import os
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.dates import validate_sensible_date
from core.media.files import private_storage
from core.media.uploads import validate_document
from events.models.meetings import Event
from members.models import MemberCity, Region


def notice_upload_to(instance, filename):
    return f"notices/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{os.path.splitext(filename)[1].lower()}"


class MeetingNotice(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="notices", verbose_name=_("event"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), help_text=_("Plain text; blank lines separate paragraphs."))
    attachment = models.FileField(
        _("attachment"),
        upload_to=notice_upload_to,
        storage=private_storage,
        blank=True,
        max_length=200,
        validators=[validate_document],
        help_text=_(
            "The official notice as a PDF, for instance. Only the cities it is sent to and staff can download it."
        ),
    )
    reply_by = models.DateTimeField(_("reply by"), validators=[validate_sensible_date])
    regions = models.ManyToManyField(
        Region,
        blank=True,
        verbose_name=_("regions"),
        help_text=_("Empty, with no cities either: every member city with a liaison officer."),
    )
    cities = models.ManyToManyField(MemberCity, blank=True, verbose_name=_("cities"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("written by")
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("meeting notice")
        verbose_name_plural = _("meeting notices")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("delegations:notice", args=[self.pk])


class NoticeRecipient(models.Model):
    """One city's copy of a notice: sent, read (by one of its officers), replied."""

    class Reply(models.TextChoices):
        ATTEND = "attend", _("Will attend and register")
        DECLINE = "decline", _("Will not attend")

    class State(models.TextChoices):
        NOT_SENT = "not-sent", _("Not sent")
        SENT = "sent", _("Sent")
        READ = "read", _("Read")
        REPLIED = "replied", _("Replied")
        REGISTERED = "registered", _("Registered")

    notice = models.ForeignKey(
        MeetingNotice, on_delete=models.CASCADE, related_name="recipients", verbose_name=_("meeting notice")
    )
    city = models.ForeignKey(MemberCity, on_delete=models.CASCADE, related_name="notices", verbose_name=_("city"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    reply = models.CharField(_("reply"), max_length=8, choices=Reply.choices, blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    replied_at = models.DateTimeField(_("replied at"), null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("replied by"),
    )
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)

    class Meta:
        ordering = ["city__region__order", "city__name"]
        verbose_name = _("recipient of a notice")
        verbose_name_plural = _("recipients of notices")
        constraints = [models.UniqueConstraint(fields=["notice", "city"], name="one_copy_of_a_notice_per_city")]

    def __str__(self):
        return f"{self.notice} → {self.city}"
