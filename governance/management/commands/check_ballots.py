"""Check every vote's chain of ballots (governance/integrity.py); exits non-zero when one was edited in the database,
so that cron or monitoring can raise the alarm."""

from django.core.management.base import BaseCommand, CommandError

from governance.integrity import ballots_verify
from governance.models import Motion


class Command(BaseCommand):
    help = "Check that no vote's ballots were changed, added or removed outside the portal."

    def handle(self, *args, **options):
        broken = 0
        for motion in Motion.objects.exclude(state=Motion.State.DRAFT).order_by("pk"):
            problems = ballots_verify(motion)
            if problems:
                broken += 1
                for problem in problems:
                    self.stderr.write(f"{motion.pk} {motion.title}: {problem}")
        checked = Motion.objects.exclude(state=Motion.State.DRAFT).count()
        if broken:
            raise CommandError(f"{broken} of {checked} votes have ballots that do not check out")
        self.stdout.write(f"{checked} votes checked: every chain of ballots is whole")
