"""The SMS outbox: every text message is first a row (OutgoingSms) written in the transaction of the change that
causes it, then sent by a worker through the providers of SMS_URL, as the e-mail outbox does for e-mail.

Delivery is at least once and keyed: a second enqueue with the same key writes nothing. A row is claimed with
SELECT … FOR UPDATE SKIP LOCKED. The limits (per number per hour and per day, per day in all, the day's spending)
are counted under one lock, so that two workers sending at the same moment cannot both take the last message of the
day's budget. When a provider is down the next one of SMS_URL takes the message; when all are, it is retried with
backoff until SMS_RETRY_FOR_SECONDS have passed.
"""

from __future__ import annotations

import datetime
import logging
import math
import re
import zlib
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from celery import shared_task
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Sum
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from core import registry
from core.mail.outbox import create_once, queue_next_attempt, requeue, retry_delay
from core.sms import providers
from core.sms.models import OutgoingSms, SmsOptOut, SmsTemplate

logger = logging.getLogger(__name__)

State = OutgoingSms.State
Delivery = OutgoingSms.Delivery

# Sent with `number` when a number opts out (a reply, the desk or staff): the apps that keep numbers turn SMS off.
opted_out = Signal()

PARAMETER = re.compile(r"\$\{(\w+)\}")
PARAMETER_MAX_LENGTH = 35  # Aliyun's limit for one variable; Tencent's is longer
SEND_LOCK = zlib.crc32(b"core.sms.send")


def segments(text: str) -> int:
    """How many messages the carriers bill for a text: 70 characters fit one, longer texts go in parts of 67."""
    return 1 if len(text) <= 70 else math.ceil(len(text) / 67)


def render(template: SmsTemplate, params: Mapping[str, str]) -> str:
    body = PARAMETER.sub(lambda match: str(params.get(match.group(1), "")), template.text)
    return f"【{settings.SMS_SIGN}】{body}"


def active_template(kind: str) -> SmsTemplate | None:
    return SmsTemplate.objects.filter(kind=kind, is_active=True).first()


def is_opted_out(number: str) -> bool:
    return SmsOptOut.objects.filter(number=number).exists()


def enqueue(*, kind: str, key: str, to: str, params: Mapping[str, Any]) -> OutgoingSms | None:
    """Write a text message to the outbox and have it sent once the current transaction commits. Nothing is
    written when the kind has no approved template in use, or the number opted out; a second enqueue with the same
    key returns the first row."""
    from core import jobs

    declared = registry.sms_kinds()[kind]
    template = active_template(kind)
    if template is None or not to or is_opted_out(to):
        return None
    values = {name: str(params.get(name, ""))[:PARAMETER_MAX_LENGTH] for name in declared.parameters}
    message, created = create_once(
        OutgoingSms, key, kind=kind, to=to, params=values, text=render(template, values)[:500]
    )
    if created:
        jobs.run_after_commit(deliver_sms, message.pk)
    return message


def _start_of_day(now: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)


def _hold_send_lock() -> None:
    """One sender at a time counts the limits and sends (PostgreSQL; SQLite runs one worker and locks the whole
    database on write). Held until the transaction ends."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SEND_LOCK])


def limit_reached(message: OutgoingSms, now: datetime.datetime) -> tuple[datetime.datetime, str] | None:
    """When the message may go, and why not now, if one of the limits holds it back."""
    sent = OutgoingSms.objects.filter(state=State.SENT)
    today = _start_of_day(now)
    tomorrow = today + datetime.timedelta(days=1)
    sent_today = sent.filter(sent_at__gte=today)
    if sent_today.count() >= settings.SMS_MAX_PER_DAY:
        return tomorrow, _("The day's limit of %(count)d text messages is reached.") % {
            "count": settings.SMS_MAX_PER_DAY
        }
    spent = sent_today.aggregate(total=Sum("cost"))["total"] or Decimal("0")
    if spent + cost_of(message.text) > settings.SMS_DAILY_SPEND_CAP:
        return tomorrow, _("The day's spending cap of %(cap)s yuan is reached.") % {"cap": settings.SMS_DAILY_SPEND_CAP}
    to_number = sent.filter(to=message.to)
    if to_number.filter(sent_at__gte=today).count() >= settings.SMS_MAX_PER_NUMBER_PER_DAY:
        return tomorrow, _("This number has had %(count)d text messages today.") % {
            "count": settings.SMS_MAX_PER_NUMBER_PER_DAY
        }
    hour_ago = now - datetime.timedelta(hours=1)
    last_hour = list(
        to_number.filter(sent_at__gt=hour_ago)
        .order_by("sent_at")
        .values_list("sent_at", flat=True)[: settings.SMS_MAX_PER_NUMBER_PER_HOUR]
    )
    if len(last_hour) >= settings.SMS_MAX_PER_NUMBER_PER_HOUR and last_hour[0] is not None:
        return last_hour[0] + datetime.timedelta(hours=1), _(
            "This number has had %(count)d text messages in the last hour."
        ) % {"count": settings.SMS_MAX_PER_NUMBER_PER_HOUR}
    return None


def cost_of(text: str) -> Decimal:
    return settings.SMS_PRICE_PER_MESSAGE * segments(text)


def _outgoing(message: OutgoingSms, provider: providers.Provider, template: SmsTemplate) -> providers.Outgoing:
    code = getattr(template, provider.template_field, "") if provider.template_field != "kind" else message.kind
    if not code:
        raise providers.ProviderError(
            _("The %(kind)s template has no code at %(provider)s.") % {"kind": message.kind, "provider": provider.name}
        )
    return providers.Outgoing(
        number=message.to,
        key=message.key,
        template_code=code,
        params=message.params,
        parameter_order=registry.sms_kinds()[message.kind].parameters,
        sign=settings.SMS_SIGN,
    )


def _send(message: OutgoingSms) -> None:
    """Try the providers in order; on return the row says what happened (not yet saved)."""
    template = active_template(message.kind)
    errors = []
    for provider in providers.configured():
        try:
            if template is None:
                raise providers.Rejected(_("No SMS template is in use for this kind."))
            message_id = provider.send(_outgoing(message, provider, template))
        except providers.Rejected as error:
            message.state, message.last_error = State.FAILED, f"{provider.name}: {error}"
            return
        except providers.ProviderError as error:
            errors.append(f"{provider.name}: {error}")
            if isinstance(error, providers.Throttled):
                break
            continue
        message.state = State.SENT
        message.sent_at = timezone.now()
        message.provider, message.provider_message_id = provider.name, message_id[:80]
        message.segments = segments(message.text)
        message.cost = cost_of(message.text)
        message.last_error = "; ".join(errors)[:2000]  # the providers that were down before this one took it
        return
    message.last_error = "; ".join(errors)[:2000] or _("No SMS provider is configured.")


def deliver(message_id: int) -> State | None:
    """One attempt to send one row, if it is still pending and due and no other worker holds it."""
    now = timezone.now()
    with transaction.atomic():
        message = (
            OutgoingSms.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, state=State.PENDING, next_attempt_at__lte=now)
            .first()
        )
        if message is None:
            return None
        if is_opted_out(message.to):
            message.state, message.last_error = State.CANCELLED, ""
            message.save(update_fields=["state", "last_error"])
            return State.CANCELLED
        _hold_send_lock()
        held = limit_reached(message, now)
        if held is not None:
            until, reason = held
            message.last_error = reason
            if until > message.give_up_at:
                message.state = State.FAILED
            else:
                message.next_attempt_at = until
            message.save(update_fields=["state", "last_error", "next_attempt_at"])
            return State(message.state)
        message.attempts += 1
        _send(message)
        if message.state == State.PENDING:
            if now >= message.give_up_at:
                message.state = State.FAILED
                logger.error(
                    "SMS %s failed for good after %d attempt(s): %s", message.pk, message.attempts, message.last_error
                )
            else:
                message.next_attempt_at = now + retry_delay(message.attempts)
                logger.warning("SMS %s not sent (attempt %d): %s", message.pk, message.attempts, message.last_error)
        message.save()
    return State(message.state)


def due_for_sweep(*, now: datetime.datetime | None = None) -> list[int]:
    now = now or timezone.now()
    grace = datetime.timedelta(seconds=settings.OUTBOX_SWEEP_AFTER_SECONDS)
    due = OutgoingSms.objects.filter(state=State.PENDING, next_attempt_at__lte=now - grace)
    return list(due.order_by("next_attempt_at", "pk").values_list("pk", flat=True)[: settings.OUTBOX_SWEEP_BATCH])


def sweep() -> dict[str, int]:
    outcome = {State.SENT: "sent", State.PENDING: "retrying", State.FAILED: "failed"}
    counts = dict.fromkeys(["sent", "retrying", "failed", "skipped"], 0)
    for message_id in due_for_sweep():
        state = deliver(message_id)
        counts[outcome.get(state, "skipped") if state is not None else "skipped"] += 1
    return counts


def send_again(messages: Iterable[OutgoingSms]) -> int:
    """Staff send failed (or stuck) messages again: due now, with a fresh period of retries."""
    return requeue(messages, task=deliver_sms, retry_for_seconds=settings.SMS_RETRY_FOR_SECONDS)


def record_receipts() -> int:
    """Ask each provider for the receipts of what it sent in the last days; how many rows learnt their fate."""
    since = timezone.now() - datetime.timedelta(days=settings.SMS_RECEIPTS_DAYS)
    recorded = 0
    for provider in providers.configured():
        waiting = OutgoingSms.objects.filter(
            state=State.SENT, provider=provider.name, delivery=Delivery.UNKNOWN, sent_at__gte=since
        ).exclude(provider_message_id="")
        sent = [(row.provider_message_id, row.to, row.sent_at or since) for row in waiting.order_by("sent_at")[:200]]
        if not sent:
            continue
        for receipt in provider.receipts(sent):
            recorded += OutgoingSms.objects.filter(
                provider=provider.name, provider_message_id=receipt.message_id, delivery=Delivery.UNKNOWN
            ).update(
                delivery=Delivery.DELIVERED if receipt.delivered else Delivery.UNDELIVERED,
                delivery_error=receipt.error[:200],
                delivered_at=receipt.at or timezone.now(),
            )
    return recorded


def is_stop_word(text: str) -> bool:
    words = {word.upper() for word in settings.SMS_STOP_WORDS}
    return re.sub(r"\s", "", text).upper() in words


def opt_out(*, number: str, via: str, reply: str = "") -> bool:
    """Stop every message to the number, those waiting included; True if it had not opted out already."""
    with transaction.atomic():
        _row, created = SmsOptOut.objects.get_or_create(number=number, defaults={"via": via, "reply": reply[:200]})
        OutgoingSms.objects.filter(to=number, state=State.PENDING).update(state=State.CANCELLED)
        if created:
            transaction.on_commit(lambda: opted_out.send(sender=SmsOptOut, number=number))
    return created


def opt_in(*, number: str) -> None:
    """The number's owner turned SMS on again (and said so where their consent is recorded)."""
    SmsOptOut.objects.filter(number=number).delete()


def record_replies(replies: Iterable[providers.Reply]) -> int:
    """Replies that mean "stop" opt their number out; how many numbers opted out now."""
    from core.phones import to_e164

    count = 0
    for reply in replies:
        number = to_e164(reply.number)
        if number and is_stop_word(reply.text):
            count += opt_out(number=number, via=SmsOptOut.Via.REPLY, reply=reply.text)
    return count


def pull_replies() -> int:
    return sum(record_replies(provider.replies()) for provider in providers.configured())


def forget_sent(*, days: int | None = None) -> int:
    days = settings.OUTBOX_KEEP_DAYS if days is None else days
    cutoff = timezone.now() - datetime.timedelta(days=days)
    old = OutgoingSms.objects.filter(created_at__lt=cutoff).exclude(state=State.PENDING)
    deleted, _by_model = old.delete()
    return deleted


def backlog() -> dict[str, Any]:
    pending = OutgoingSms.objects.filter(state=State.PENDING)
    return {"pending": pending.count(), "failed": OutgoingSms.objects.filter(state=State.FAILED).count()}


@shared_task(ignore_result=True)  # type: ignore[untyped-decorator]
def deliver_sms(message_id: int) -> None:
    """One attempt at one row; after a failure the next attempt is queued for its time (the sweep catches it
    should that task be lost)."""
    if deliver(message_id) == State.PENDING:
        queue_next_attempt(deliver_sms, OutgoingSms, message_id)
