"""Demo use of the open data API: requests per day over the past year (the dashboard's chart)."""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable

from django.utils import timezone

from api.models import ApiUsage


def load(log: Callable[[str], None]) -> None:
    if ApiUsage.objects.exists():
        log("API use: kept")
        return
    rng = random.Random(2026)
    today = timezone.localdate()
    ApiUsage.objects.bulk_create(
        ApiUsage(day=today - datetime.timedelta(days=back), requests=300 + rng.randint(0, 900))
        for back in range(1, 400)
    )
    log(f"API use: {ApiUsage.objects.count()} days")
