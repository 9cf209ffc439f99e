"""Every change to a subscription, and the mail it causes (through the outbox, never straight to SMTP)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation

from core.i18n.chinese import to_traditional
from core.mail import outbox
from core.site import profile
from subscriptions import contributions
from subscriptions.models import Subscriber


def _link(name: str, subscriber: Subscriber, language: str) -> str:
    with translation.override(language):
        return settings.SITE_URL.rstrip("/") + reverse(name, args=[subscriber.token])


def list_headers(subscriber: Subscriber) -> dict[str, str]:
    """RFC 2369 and RFC 8058: mail programs offer an unsubscribe button that works in one click, without a page."""
    return {
        "List-Unsubscribe": f"<{_link('subscriptions:unsubscribe', subscriber, subscriber.language)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"<subscriptions.{settings.SITE_URL.split('//')[-1].split('/')[0].split(':')[0]}>",
    }


def _message(subscriber: Subscriber, *, kind: str, template: str, key: str, context: dict[str, Any]) -> dict[str, Any]:
    """What enqueue() takes for one e-mail to a subscriber, in their language."""
    language = subscriber.language
    context = {
        "subscriber": subscriber,
        "association": profile(),
        "confirm_url": _link("subscriptions:confirm", subscriber, language),
        "manage_url": _link("subscriptions:manage", subscriber, language),
        "unsubscribe_url": _link("subscriptions:unsubscribe", subscriber, language),
        **context,
    }
    subject, body = outbox.compose(f"subscriptions/email/{template}", context, language)
    if language == "zh-hant":
        subject, body = to_traditional(subject), to_traditional(body)
    return {
        "kind": kind,
        "to": [subscriber.email],
        "subject": subject,
        "body": body,
        "language": language,
        "key": key,
        "headers": list_headers(subscriber) if kind != contributions.SUBSCRIPTION.code else None,
    }


def _send(subscriber: Subscriber, **message: Any) -> None:
    outbox.enqueue(**_message(subscriber, **message))


def request_subscription(
    *,
    email: str,
    categories: Iterable[Any],
    periodicals: Iterable[Any],
    events: bool,
    frequency: str,
    language: str,
    consent_statement: str,
) -> Subscriber:
    """Someone asked to subscribe. A new or unconfirmed address gets a confirmation link and nothing else until
    it is followed (double opt-in). A subscribed address is sent a link to its settings instead: whoever typed it
    in may not change what its owner receives. The page says the same in every case, so it tells no one whether
    an address is subscribed."""
    email = email.strip().lower()
    now = timezone.now()
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
            email=email,
            defaults={
                "consent_statement": consent_statement,
                "consent_at": now,
                "language": language,
                "frequency": frequency,
                "events": events,
            },
        )
        if subscriber.state == Subscriber.State.ACTIVE:
            _send(
                subscriber,
                kind=contributions.SUBSCRIPTION.code,
                template="already",
                context={},
                key=f"subscription-settings:{subscriber.pk}:{now:%Y%m%d%H}",
            )
            return subscriber
        if subscriber.state == Subscriber.State.BOUNCED:
            return subscriber  # its mail server refuses mail: sending a confirmation would only bounce again
        subscriber.state = Subscriber.State.PENDING
        subscriber.language, subscriber.frequency, subscriber.events = language, frequency, events
        subscriber.consent_statement, subscriber.consent_at = consent_statement, now
        subscriber.save()
        subscriber.categories.set(categories)
        subscriber.periodicals.set(periodicals)
        _send(
            subscriber,
            kind=contributions.SUBSCRIPTION.code,
            template="confirm",
            context={"confirm_days": settings.SUBSCRIBE_CONFIRM_DAYS},
            key=f"subscription-confirm:{subscriber.pk}:{now:%Y%m%d%H}",
        )
    return subscriber


def confirm(subscriber: Subscriber) -> bool:
    """The owner followed the link: mail may start. False when there was nothing to confirm."""
    updated = Subscriber.objects.filter(pk=subscriber.pk, state=Subscriber.State.PENDING).update(
        state=Subscriber.State.ACTIVE, confirmed_at=timezone.now(), last_digest_at=timezone.now()
    )
    return bool(updated)


def change(
    subscriber: Subscriber,
    *,
    categories: Iterable[Any],
    periodicals: Iterable[Any],
    events: bool,
    frequency: str,
    language: str,
) -> None:
    with transaction.atomic():
        subscriber.frequency, subscriber.language, subscriber.events = frequency, language, events
        subscriber.save(update_fields=["frequency", "language", "events"])
        subscriber.categories.set(categories)
        subscriber.periodicals.set(periodicals)


def unsubscribe(subscriber: Subscriber) -> None:
    """No more mail of any kind; the row stays, so a digest run already under way skips it too."""
    Subscriber.objects.filter(pk=subscriber.pk).exclude(state=Subscriber.State.UNSUBSCRIBED).update(
        state=Subscriber.State.UNSUBSCRIBED, unsubscribed_at=timezone.now()
    )


def mark_bounced(addresses: Iterable[str]) -> int:
    lowered = [address.strip().lower() for address in addresses]
    return (
        Subscriber.objects.filter(email__in=lowered)
        .exclude(state=Subscriber.State.UNSUBSCRIBED)
        .update(state=Subscriber.State.BOUNCED, bounced_at=timezone.now())
    )


def forget_unconfirmed(*, days: int | None = None) -> int:
    """Addresses never confirmed are deleted after SUBSCRIBE_CONFIRM_DAYS: someone else may have typed them in."""
    days = settings.SUBSCRIBE_CONFIRM_DAYS if days is None else days
    cutoff = timezone.now() - datetime.timedelta(days=days)
    deleted, _by_model = Subscriber.objects.filter(state=Subscriber.State.PENDING, consent_at__lt=cutoff).delete()
    return deleted


FORGOTTEN_DOMAIN = "forgotten.invalid"  # RFC 2606: no mail can ever go there


def forget_unsubscribed(*, days: int | None = None) -> int:
    """Addresses that left (unsubscribed, or refused by their mail server) are forgotten SUBSCRIPTION_FORGET_DAYS
    later: the address becomes a placeholder and the choices are emptied. The row stays with its link key, so a
    link in an old e-mail still answers "unsubscribed". How many were forgotten."""
    days = settings.SUBSCRIPTION_FORGET_DAYS if days is None else days
    cutoff = timezone.now() - datetime.timedelta(days=days)
    ended = Q(state=Subscriber.State.UNSUBSCRIBED, unsubscribed_at__lt=cutoff) | Q(
        state=Subscriber.State.BOUNCED, bounced_at__lt=cutoff
    )
    forgotten = 0
    for subscriber in Subscriber.objects.filter(ended, forgotten_at__isnull=True).only("pk").iterator():
        with transaction.atomic():
            Subscriber.objects.filter(pk=subscriber.pk).update(
                email=f"{subscriber.pk}@{FORGOTTEN_DOMAIN}", events=False, forgotten_at=timezone.now()
            )
            subscriber.categories.clear()
            subscriber.periodicals.clear()
        forgotten += 1
    return forgotten


# Digests -------------------------------------------------------------------------------------------------------

DIGEST_BATCH = 500


def digest_window(frequency: str, now: datetime.datetime) -> tuple[datetime.datetime, datetime.datetime]:
    days = 1 if frequency == Subscriber.Frequency.DAILY else 7
    return now - datetime.timedelta(days=days), now


def due_frequencies(today: datetime.date) -> list[Subscriber.Frequency]:
    """Daily digests every day; weekly ones on Mondays."""
    return [Subscriber.Frequency.DAILY] + ([Subscriber.Frequency.WEEKLY] if today.weekday() == 0 else [])


def send_digests(*, now: datetime.datetime | None = None, frequencies: Sequence[str] | None = None) -> int:
    """Write one digest per receiving subscriber who follows something new in the window, into the outbox, in
    batches of DIGEST_BATCH, each its own transaction. Run again the same day, it writes nothing twice (the key
    names the subscriber and the day). Returns the number of digests written."""
    from subscriptions import digests

    now = now or timezone.now()
    written = 0
    for frequency in frequencies or due_frequencies(timezone.localdate(now)):
        start, end = digest_window(frequency, now)
        news = digests.NewContent.between(start, end)
        if news.is_empty():
            continue
        listings: dict[tuple[Any, ...], str] = {}  # the same sections in the same language are written once
        pks = list(
            Subscriber.objects.receiving().filter(frequency=frequency).order_by("pk").values_list("pk", flat=True)
        )
        for offset in range(0, len(pks), DIGEST_BATCH):
            with transaction.atomic():
                batch = (
                    Subscriber.objects.receiving()
                    .filter(pk__in=pks[offset : offset + DIGEST_BATCH])
                    .prefetch_related("categories", "periodicals")
                )
                messages, sent = [], []
                for subscriber in batch:
                    items = news.for_subscriber(subscriber)
                    if not items:
                        continue
                    listing = (subscriber.language, *(getattr(section, "pk", section) for section, _ in items))
                    if listing not in listings:
                        listings[listing] = _listing(items, start, subscriber.language)
                    messages.append(
                        _message(
                            subscriber,
                            kind=contributions.DIGEST.code,
                            template="digest",
                            context={"listing": listings[listing]},
                            key=f"digest:{subscriber.pk}:{frequency}:{timezone.localdate(now):%Y%m%d}",
                        )
                    )
                    sent.append(subscriber.pk)
                written += outbox.enqueue_many(messages)
                Subscriber.objects.filter(pk__in=sent).update(last_digest_at=now)
    return written


def _listing(items: list[tuple[Any, list[Any]]], start: datetime.datetime, language: str) -> str:
    with translation.override(language):
        return outbox.render_text(
            "subscriptions/email/digest_items.txt",
            {"items": items, "start": start, "site_url": settings.SITE_URL.rstrip("/")},
        ).strip()


def announce_issue(issue: Any) -> int:
    """Tell the periodical's subscribers of a new issue, once: the issue is marked announced in the transaction
    that writes the e-mails, and each e-mail's key names the issue and the subscriber."""
    from publications.models import Issue

    with transaction.atomic():
        locked = Issue.objects.select_for_update().select_related("periodical").get(pk=issue.pk)
        if locked.announced_at is not None or not locked.is_live:
            return 0
        Issue.objects.filter(pk=locked.pk).update(announced_at=timezone.now())
        followers = Subscriber.objects.receiving().filter(periodicals=locked.periodical_id).iterator(chunk_size=500)
        written = outbox.enqueue_many(
            _message(
                subscriber,
                kind=contributions.ANNOUNCEMENT.code,
                template="issue",
                context={"issue": locked},
                key=f"issue:{locked.pk}:{subscriber.pk}",
            )
            for subscriber in followers
        )
    return written
