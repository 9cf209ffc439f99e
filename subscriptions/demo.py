"""Demo subscribers over two years, some of whom left (the dashboard's chart of subscribers)."""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from subscriptions.models import Subscriber


def load(log):
    if Subscriber.objects.filter(confirmed_at__isnull=False).exists():
        log("subscribers: kept")
        return
    rng = random.Random(2026)
    now = timezone.now()
    for n in range(60):
        confirmed = now - datetime.timedelta(days=rng.randint(1, 700))
        left = confirmed + datetime.timedelta(days=rng.randint(20, 300)) if n % 7 == 0 else None
        gone = left is not None and left < now
        Subscriber.objects.create(
            email=f"reader{n}@example.cn",
            state=Subscriber.State.UNSUBSCRIBED if gone else Subscriber.State.ACTIVE,
            consent_statement="我同意接收协会的新闻摘要。",
            consent_at=confirmed - datetime.timedelta(minutes=5),
            confirmed_at=confirmed,
            unsubscribed_at=left if gone else None,
        )
    log(f"subscribers: {Subscriber.objects.count()}")
