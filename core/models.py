"""The models the shared infrastructure keeps: the export record, the search index, the e-mail outbox and
the record of periodic jobs."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import registry
from core.search.models import SearchEntry  # noqa: F401  (the search index lives in core.search)
from core.sms.models import OutgoingSms, SmsOptOut, SmsTemplate  # noqa: F401  (the SMS outbox lives in core.sms)


class ExportLog(models.Model):
    """Who exported which personal data, and when: exports of it are staff-only and recorded."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("exported by")
    )
    what = models.CharField(_("what"), max_length=200)
    row_count = models.PositiveIntegerField(_("rows"))
    created_at = models.DateTimeField(_("exported at"), auto_now_add=True)

    class Meta:
        db_table = "association_exportlog"  # made there before it moved to core
        ordering = ["-created_at"]
        verbose_name = _("export record")
        verbose_name_plural = _("export records")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.user} {self.what}"


def email_kind_choices() -> list[tuple[str, Any]]:
    return [(kind.code, kind.label) for kind in registry.email_kinds().values()]


def _give_up_default() -> datetime.datetime:
    return timezone.now() + datetime.timedelta(seconds=settings.OUTBOX_RETRY_FOR_SECONDS)


class OutgoingEmail(models.Model):
    """An e-mail the portal has decided to send: written in the same transaction as the change that causes it,
    delivered afterwards by a worker (core.mail.outbox). A row is sent at least once; its Message-ID stays the same on
    every attempt, so a rare second copy after a worker crash can be recognised."""

    class State(models.TextChoices):
        PENDING = "pending", _("waiting to be sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    key = models.CharField(
        _("key"),
        max_length=200,
        unique=True,
        help_text=_("Names the change that caused the e-mail, so it is written only once."),
    )
    # The apps declare their kinds (core/registry.py EmailKind), so a new kind needs no migration of core.
    kind = models.CharField(_("kind"), max_length=20, choices=email_kind_choices, default="other")
    uuid = models.UUIDField(_("message identifier"), default=uuid.uuid4, unique=True, editable=False)
    to = models.JSONField(_("recipients"), default=list)
    language = models.CharField(_("language"), max_length=10, blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"))
    headers = models.JSONField(_("extra headers"), default=dict, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("written at"), default=timezone.now, db_index=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    give_up_at = models.DateTimeField(_("retried until"), default=_give_up_default)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="core_outgoing_due")]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")

    def __str__(self) -> str:
        return self.subject

    @property
    def message_id(self) -> str:
        domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip("<> ") or "localhost"
        return f"<{self.uuid}@{domain}>"

    @property
    def is_secret(self) -> bool:
        """Its body holds a sign-in or personal link: staff see that such a mail exists, never the link itself."""
        kind = registry.email_kinds().get(self.kind)
        return kind is None or kind.secret


class PeriodicRun(models.Model):
    """When each periodic job (celery beat or cron) last finished: the readiness check reads the outbox sweep's
    to tell whether a worker is alive."""

    name = models.CharField(_("job"), max_length=100, primary_key=True)
    finished_at = models.DateTimeField(_("last finished at"))
    duration = models.FloatField(_("seconds taken"))
    summary = models.CharField(_("result"), max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("periodic job")
        verbose_name_plural = _("periodic jobs")

    def __str__(self) -> str:
        return self.name


class ThrottleCounter(models.Model):
    """A request count in a window (core/web/throttle.py), kept here when there is no shared cache (no Redis), so
    that every process counts the same requests."""

    name = models.CharField(max_length=100, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("request counter")
        verbose_name_plural = _("request counters")

    def __str__(self) -> str:
        return self.name


class BlockedTerm(models.Model):
    """A word or a site of spam (gambling, lottery): texts holding it are refused on save and reported by the
    content scan (core/integrity.py). Words match in Simplified or Traditional characters, however spaced."""

    class Kind(models.TextChoices):
        WORD = "word", _("word or phrase")
        DOMAIN = "domain", _("web site (domain)")

    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.WORD)
    term = models.CharField(
        _("term"),
        max_length=100,
        help_text=_("A word or phrase, e.g. 博彩; or a domain such as example.com, which also blocks its subdomains."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        ordering = ["kind", "term"]
        verbose_name = _("blocked term")
        verbose_name_plural = _("blocklist of spam")
        constraints = [models.UniqueConstraint(fields=["kind", "term"], name="blocked_term_unique")]

    def __str__(self) -> str:
        return self.term


class SecurityEvent(models.Model):
    """The security log staff read in the admin (and operators in the "portal.security" log): lock-outs, wrong
    second-step codes, refused requests, exports of personal data, findings of the content scan."""

    class Kind(models.TextChoices):
        LOCKOUT = "lockout", _("sign-in locked out")
        TWO_STEP_FAILED = "two-step-failed", _("wrong two-step code")
        TWO_STEP_RESET = "two-step-reset", _("two-step sign-in reset")
        REFUSED = "refused", _("request refused (403)")
        EXPORT = "export", _("export of personal data")
        CONTENT = "content", _("content scan finding")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account"),
    )
    username = models.CharField(_("user name given"), max_length=150, blank=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    path = models.CharField(_("address on the site"), max_length=200, blank=True)
    detail = models.CharField(_("detail"), max_length=300, blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("security event")
        verbose_name_plural = _("security log")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_kind_display()} {self.username or self.user or ''}"
