"""E-mail subscriptions: a reader's address, what they follow (news categories, periodicals, meetings), how often,
in which language, and the consent they gave. The address is never shown on a page."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(24)


class SubscriberQuerySet(models.QuerySet):
    def receiving(self):
        """Confirmed and not unsubscribed or bounced: the only addresses any digest or announcement goes to."""
        return self.filter(state=Subscriber.State.ACTIVE)


class Subscriber(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        ACTIVE = "active", _("subscribed")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")
        BOUNCED = "bounced", _("address refused by its mail server")

    class Frequency(models.TextChoices):
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly (Mondays)")

    email = models.EmailField(_("e-mail"), unique=True)
    token = models.CharField(_("link key"), max_length=64, unique=True, default=new_token, editable=False)
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.PENDING, db_index=True)
    language = models.CharField(_("language"), max_length=8, default="zh-hans")
    frequency = models.CharField(_("digest"), max_length=8, choices=Frequency.choices, default=Frequency.WEEKLY)
    categories = models.ManyToManyField(
        "news.Category", blank=True, related_name="+", verbose_name=_("news categories")
    )
    periodicals = models.ManyToManyField(
        "publications.Periodical", blank=True, related_name="+", verbose_name=_("periodicals")
    )
    events = models.BooleanField(_("new meetings"), default=False)
    consent_statement = models.TextField(_("what the reader agreed to"), editable=False)
    consent_at = models.DateTimeField(_("consent given at"), editable=False)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True, editable=False)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True, editable=False)
    bounced_at = models.DateTimeField(_("bounced at"), null=True, blank=True, editable=False)
    # SUBSCRIPTION_FORGET_DAYS after it ended: the address replaced (FORGOTTEN_DOMAIN), the choices emptied; the row
    # and its link stay, so old e-mails' links still answer.
    forgotten_at = models.DateTimeField(_("address forgotten at"), null=True, blank=True, editable=False)
    last_digest_at = models.DateTimeField(_("last digest at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        indexes = [models.Index(fields=["state", "frequency"])]

    def __str__(self):
        return str(_("(address forgotten)")) if self.forgotten_at else masked(self.email)


def masked(address):
    """w***@city.example.cn: enough for staff to tell two apart, not enough to copy."""
    name, _at, domain = address.partition("@")
    return f"{name[:1]}***@{domain}" if domain else "***"
