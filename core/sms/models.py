"""The SMS outbox's rows, the approved templates they are sent with, and the numbers that asked for no more."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import registry


def sms_kind_choices() -> list[tuple[str, Any]]:
    return [(kind.code, kind.label) for kind in registry.sms_kinds().values()]


def _give_up_default() -> datetime.datetime:
    return timezone.now() + datetime.timedelta(seconds=settings.SMS_RETRY_FOR_SECONDS)


class SmsTemplate(models.Model):
    """The wording a provider approved for one kind of message, with its code at each provider. Chinese providers
    send only approved templates: the portal sends the code and the values of the named parameters."""

    kind = models.CharField(_("kind"), max_length=30, unique=True, choices=sms_kind_choices)
    text = models.TextField(
        _("approved wording"),
        help_text=_(
            "As the provider approved it, without the signature; each parameter is its name between ${ and }, as in "
            "the examples above."
        ),
    )
    aliyun_code = models.CharField(_("Aliyun template code"), max_length=40, blank=True)
    tencent_id = models.CharField(_("Tencent Cloud template ID"), max_length=40, blank=True)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("SMS template")
        verbose_name_plural = _("SMS templates")

    def __str__(self) -> str:
        return str(self.get_kind_display())


class OutgoingSms(models.Model):
    """One text message to one mobile number, written in the transaction of the change that causes it and sent
    afterwards by a worker (core.sms.outbox), like the e-mail outbox's rows."""

    class State(models.TextChoices):
        PENDING = "pending", _("waiting to be sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        CANCELLED = "cancelled", _("not sent: the number opted out")

    class Delivery(models.TextChoices):
        UNKNOWN = "", _("no receipt yet")
        DELIVERED = "delivered", _("delivered")
        UNDELIVERED = "undelivered", _("not delivered")

    key = models.CharField(
        _("key"),
        max_length=200,
        unique=True,
        help_text=_("Names the change that caused the message, so it is written only once."),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=sms_kind_choices)
    to = models.CharField(_("mobile number"), max_length=20, help_text="+8613800000000")
    params = models.JSONField(_("parameters"), default=dict)
    text = models.CharField(_("text"), max_length=500, help_text=_("As the reader sees it, signature included."))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("written at"), default=timezone.now, db_index=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    give_up_at = models.DateTimeField(_("retried until"), default=_give_up_default)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    provider = models.CharField(_("sent through"), max_length=20, blank=True)
    provider_message_id = models.CharField(
        _("provider's message ID"), max_length=80, blank=True, help_text=_("Aliyun's BizId, Tencent's SerialNo.")
    )
    segments = models.PositiveSmallIntegerField(_("billed messages"), default=0)
    cost = models.DecimalField(_("cost (yuan)"), max_digits=8, decimal_places=3, default=Decimal("0"))
    delivery = models.CharField(_("delivery"), max_length=12, choices=Delivery.choices, default="", blank=True)
    delivery_error = models.CharField(_("delivery error"), max_length=200, blank=True)
    delivered_at = models.DateTimeField(_("receipt at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["state", "next_attempt_at"], name="core_sms_due"),
            models.Index(fields=["to", "sent_at"], name="core_sms_number_sent"),
            models.Index(fields=["provider", "provider_message_id"], name="core_sms_provider_id"),
        ]
        verbose_name = _("outgoing SMS")
        verbose_name_plural = _("outgoing SMS")

    def __str__(self) -> str:
        return f"{self.to} {self.get_kind_display()}"


class SmsOptOut(models.Model):
    """A number that asked for no more text messages: nothing is sent to it until its owner turns SMS on again."""

    class Via(models.TextChoices):
        REPLY = "reply", _("replied to a message")
        DESK = "desk", _("on the officer's desk")
        STAFF = "staff", _("by the secretariat")

    number = models.CharField(_("mobile number"), max_length=20, unique=True)
    via = models.CharField(_("how"), max_length=10, choices=Via.choices)
    reply = models.CharField(_("reply"), max_length=200, blank=True)
    at = models.DateTimeField(_("opted out at"), default=timezone.now)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("SMS opt-out")
        verbose_name_plural = _("SMS opt-outs")

    def __str__(self) -> str:
        return self.number
