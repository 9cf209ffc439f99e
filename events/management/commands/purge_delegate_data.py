import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from events.models import Delegate

ERASED = {"mobile": "", "arrival": None, "arrival_by": "", "departure": None, "departure_by": "", "dietary_needs": "", "remarks": ""}


class Command(BaseCommand):
    help = "Erase delegates' contact and travel details some days after their event ended; names and counts are kept."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.DELEGATE_DATA_RETENTION_DAYS,
                            help="days after the end of the event (default: DELEGATE_DATA_RETENTION_DAYS)")

    def handle(self, *args, days, **options):
        cutoff = timezone.now() - datetime.timedelta(days=days)
        erased = Delegate.objects.filter(delegation__event__ends_at__lt=cutoff).update(**ERASED)
        self.stdout.write(f"Contact and travel details erased for {erased} delegate(s) of events that ended before {cutoff:%Y-%m-%d}.")
