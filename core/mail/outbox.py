"""The e-mail outbox: every e-mail the portal sends is first a row (OutgoingEmail) written in the transaction of
the change that causes it, then delivered by a worker. Nothing else in the portal talks to an SMTP server.

Delivery is at least once. A row is claimed with SELECT … FOR UPDATE SKIP LOCKED and marked sent in the same
transaction that held the claim, so two workers and the sweep never send one row twice while they run normally.
A worker that dies after the SMTP server accepted a message but before its transaction committed leaves the row
pending; it is sent again with the same Message-ID, by which a reader's mail program can recognise the copy.
Concurrent workers need PostgreSQL: SQLite has no row locks, so run one worker there.
"""

from __future__ import annotations

import datetime
import logging
import smtplib
import uuid
from collections.abc import Iterable, Mapping
from email.utils import formataddr
from typing import Any

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.dispatch import Signal
from django.template import Context, Engine
from django.utils import timezone, translation

from core.models import OutgoingEmail

logger = logging.getLogger(__name__)

State = OutgoingEmail.State

# Sent with `recipients` when the mail server refused an e-mail's every recipient for good (5xx): the apps that
# mail readers stop mailing those addresses.
refused = Signal()


def enqueue(
    *,
    kind: str,
    to: Iterable[str],
    subject: str,
    body: str,
    language: str = "",
    key: str = "",
    headers: Mapping[str, str] | None = None,
) -> OutgoingEmail:
    """Write an e-mail to the outbox and have it delivered once the current transaction commits. A key names the
    change that caused the e-mail: a second enqueue with the same key returns the first row and sends nothing."""
    from core import jobs

    recipients = sorted({address for address in to if address})
    subject = _one_line(subject)
    message, created = create_once(
        OutgoingEmail,
        key or f"{kind}:{uuid.uuid4()}",
        kind=kind,
        to=recipients,
        subject=subject,
        body=body,
        language=language,
        headers=dict(headers or {}),
    )
    if created:
        jobs.run_after_commit(deliver_email, message.pk)
    return message


def create_once(model: Any, key: str, **fields: Any) -> tuple[Any, bool]:
    """The outbox row with `key`: written now (True), or the one an earlier enqueue wrote (False). An insert is
    tried first, in a savepoint: keys are nearly always new, and that is one query fewer than get_or_create's
    look-up before it, in the transaction of the change the message reports."""
    from django.db import IntegrityError

    try:
        with transaction.atomic():
            return model.objects.create(key=key, **fields), True
    except IntegrityError:
        existing = model.objects.filter(key=key).first()
        if existing is None:
            raise
        return existing, False


def _one_line(subject: str) -> str:
    subject = " ".join(subject.split())
    limit = OutgoingEmail._meta.get_field("subject").max_length or len(subject)
    return subject[: limit - 1] + "…" if len(subject) > limit else subject


def enqueue_many(messages: Iterable[Mapping[str, Any]]) -> int:
    """Many e-mails at once, as enqueue() would write them one by one (each mapping holds its keyword arguments):
    one query for the keys already written, one insert for the others, a delivery task for each new row once the
    transaction commits. Returns how many rows were written. For a digest run's thousands of e-mails."""
    from django.db import IntegrityError

    from core import jobs

    messages = list(messages)
    rows = {
        message["key"]: OutgoingEmail(
            key=message["key"],
            kind=message["kind"],
            to=sorted({a for a in message["to"] if a}),
            subject=_one_line(message["subject"]),
            body=message["body"],
            language=message.get("language", ""),
            headers=dict(message.get("headers") or {}),
        )
        for message in messages
    }
    written = set(OutgoingEmail.objects.filter(key__in=list(rows)).values_list("key", flat=True))
    new = [row for key, row in rows.items() if key not in written]
    try:
        with transaction.atomic():
            created = OutgoingEmail.objects.bulk_create(new)
    except IntegrityError:  # another run wrote some of these keys meanwhile: one by one, as enqueue() does
        for message in messages:
            if message["key"] not in written:
                enqueue(**message)
        return len(new)
    for row in created:
        jobs.run_after_commit(deliver_email, row.pk)
    return len(created)


def render_text(name: str, context: Mapping[str, Any]) -> str:
    """A plain-text template, without HTML escaping: an e-mail shows "&" and "'" as they are, not "&amp;"."""
    return Engine.get_default().get_template(name).render(Context(dict(context), autoescape=False))


def compose(template: str, context: Mapping[str, Any], language: str) -> tuple[str, str]:
    """Subject and body from `<template>_subject.txt` and `<template>.txt`, rendered in the reader's language;
    `site_url` (SITE_URL) is in the context, for links a mail program can open."""
    context = {"site_url": settings.SITE_URL.rstrip("/"), **context}
    with translation.override(language):
        subject = render_text(f"{template}_subject.txt", context).strip()
        body = render_text(f"{template}.txt", context)
    return subject, body


def composed(
    *, kind: str, key: str, to: str, template: str, context: Mapping[str, Any], language: str
) -> dict[str, Any]:
    """One e-mail for enqueue_many(), its subject and body composed from `template` in the reader's language."""
    subject, body = compose(template, context, language)
    return {"kind": kind, "key": key, "to": [to], "subject": subject, "body": body, "language": language}


def retry_delay(attempts: int) -> datetime.timedelta:
    """Exponential backoff after the given number of failed attempts, capped."""
    seconds = settings.OUTBOX_RETRY_BASE_SECONDS * 2 ** max(0, attempts - 1)
    return datetime.timedelta(seconds=min(seconds, settings.OUTBOX_RETRY_MAX_SECONDS))


def _is_permanent(error: Exception) -> bool:
    """Every recipient was refused for good (5xx): trying again would only be refused again. Other refusals, a
    wrong password or sender included, are the server's configuration: retried, so that mending it sends them."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    return False


def sender() -> str:
    """DEFAULT_FROM_EMAIL, with the association's name shown where the setting gives none: 广西市长协会 <portal@…>."""
    address = settings.DEFAULT_FROM_EMAIL
    if "<" in address:
        return address
    from core.site import profile

    association = profile()
    name = getattr(association, "name", "") if association is not None else ""
    return formataddr((name, address)) if name else address


def as_email_message(message: OutgoingEmail, connection: Any = None) -> EmailMessage:
    headers = {**message.headers, "Message-ID": message.message_id}
    if message.language:
        headers["Content-Language"] = message.language
    return EmailMessage(
        message.subject, message.body, sender(), list(message.to), headers=headers, connection=connection
    )


def deliver(message_id: int) -> State | None:
    """One attempt to send one row, if it is still pending and due and no other worker holds it. Returns the
    row's state afterwards, or None when there was nothing to do."""
    now = timezone.now()
    with transaction.atomic():
        message = (
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, state=State.PENDING, next_attempt_at__lte=now)
            .first()
        )
        if message is None:
            return None
        message.attempts += 1
        try:
            connection = get_connection(timeout=settings.EMAIL_TIMEOUT)
            as_email_message(message, connection).send()
        except Exception as error:
            message.last_error = f"{type(error).__name__}: {error}"[:2000]
            if _is_permanent(error) or now >= message.give_up_at:
                message.state = State.FAILED
                if _is_permanent(error):
                    refused_addresses = list(message.to)
                    transaction.on_commit(lambda: refused.send(sender=OutgoingEmail, recipients=refused_addresses))
                logger.error(
                    "e-mail %s failed for good after %d attempt(s): %s",
                    message.pk,
                    message.attempts,
                    message.last_error,
                )
            else:
                message.next_attempt_at = now + retry_delay(message.attempts)
                logger.warning(
                    "e-mail %s not sent (attempt %d), next try at %s: %s",
                    message.pk,
                    message.attempts,
                    message.next_attempt_at.isoformat(),
                    message.last_error,
                )
        else:
            message.state = State.SENT
            message.sent_at = timezone.now()
            message.last_error = ""
            if message.is_secret:
                # Its sign-in or unsubscribe link has no business staying in the database.
                message.body = ""
                message.headers = {}
        message.save(update_fields=["state", "attempts", "last_error", "next_attempt_at", "sent_at", "body", "headers"])
    return State(message.state)


def due_for_sweep(*, now: datetime.datetime | None = None) -> list[int]:
    """Pending rows that have been due for longer than the sweep's grace period: their delivery task was lost
    (the broker was down, a worker died) or never existed (embedded mode after a failure)."""
    now = now or timezone.now()
    grace = datetime.timedelta(seconds=settings.OUTBOX_SWEEP_AFTER_SECONDS)
    due = OutgoingEmail.objects.filter(state=State.PENDING, next_attempt_at__lte=now - grace)
    return list(due.order_by("next_attempt_at", "pk").values_list("pk", flat=True)[: settings.OUTBOX_SWEEP_BATCH])


def sweep() -> dict[str, int]:
    """Deliver what the sweep is due to pick up, row by row (each claimed on its own, so workers delivering the
    same rows at the same time skip them)."""
    outcome = {State.SENT: "sent", State.PENDING: "retrying", State.FAILED: "failed", None: "skipped"}
    counts = dict.fromkeys(outcome.values(), 0)
    for message_id in due_for_sweep():
        counts[outcome[deliver(message_id)]] += 1
    return counts


def send_again(messages: Iterable[OutgoingEmail]) -> int:
    """Staff send failed (or stuck) e-mails again: due now, with a fresh day of retries."""
    return requeue(messages, task=deliver_email, retry_for_seconds=settings.OUTBOX_RETRY_FOR_SECONDS)


def requeue(messages: Iterable[Any], *, task: Any, retry_for_seconds: float) -> int:
    """Make pending or failed outbox rows (e-mail or SMS) due now with a fresh period of retries, and queue their
    delivery `task`; how many were requeued."""
    from core import jobs

    now = timezone.now()
    count = 0
    for message in messages:
        # The state is checked again as the row is updated: a worker may be sending it right now.
        updated = (
            type(message)
            ._default_manager.filter(pk=message.pk, state__in=[State.PENDING, State.FAILED])
            .update(
                state=State.PENDING,
                next_attempt_at=now,
                give_up_at=now + datetime.timedelta(seconds=retry_for_seconds),
            )
        )
        if updated:
            jobs.run_after_commit(task, message.pk)
            count += 1
    return count


def forget_sent(*, days: int | None = None) -> int:
    """Delete sent and failed e-mails after the retention period: they hold addresses and delegates' names."""
    days = settings.OUTBOX_KEEP_DAYS if days is None else days
    cutoff = timezone.now() - datetime.timedelta(days=days)
    done = OutgoingEmail.objects.filter(state=State.SENT, sent_at__lt=cutoff)
    given_up = OutgoingEmail.objects.filter(state=State.FAILED, give_up_at__lt=cutoff)
    deleted, _by_model = (done | given_up).delete()
    return deleted


def backlog() -> dict[str, Any]:
    """What waits in the outbox, for the readiness check and the dashboard."""
    pending = OutgoingEmail.objects.filter(state=State.PENDING)
    oldest = pending.order_by("created_at").values_list("created_at", flat=True).first()
    return {
        "pending": pending.count(),
        "failed": OutgoingEmail.objects.filter(state=State.FAILED).count(),
        "oldest_pending_seconds": round((timezone.now() - oldest).total_seconds()) if oldest else None,
    }


# Named as when it lived in core.tasks, so that tasks queued by an older version are still delivered.
@shared_task(name="core.tasks.deliver_email", ignore_result=True)  # type: ignore[untyped-decorator]
def deliver_email(message_id: int) -> None:
    """One attempt at one outbox row; after a failure the next attempt is queued with its backoff delay (the sweep
    catches it should that task be lost)."""
    if deliver(message_id) == State.PENDING:
        queue_next_attempt(deliver_email, OutgoingEmail, message_id)


def queue_next_attempt(task: Any, model: Any, message_id: int) -> None:
    """After a failed attempt at an outbox row (e-mail or SMS), queue `task` again for the row's next attempt; the
    sweep catches it should that fail. Without a broker the sweep alone retries."""
    from core import jobs

    if jobs.embedded():
        return
    due = model._default_manager.filter(pk=message_id).values_list("next_attempt_at", flat=True).first()
    if due is not None:
        try:
            task.apply_async((message_id,), eta=due, retry=False)
        except Exception:
            logger.warning("could not queue the next attempt at %s %s; the sweep will", model.__name__, message_id)
