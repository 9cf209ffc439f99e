"""After the primary database is lost: make the streaming replica (DATABASE_REPLICA_URL) the primary. Then point
DATABASE_URL at it and restart the instances one at a time (README, "When the primary database is lost")."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connections

from core import replica

PROMOTE_WAIT_SECONDS = 60


class Command(BaseCommand):
    help = "Promote the streaming replica (DATABASE_REPLICA_URL) to primary, once the primary is known to be gone."

    def handle(self, *args: object, **options: object) -> None:
        if not replica.configured():
            raise CommandError("DATABASE_REPLICA_URL is not set: there is no replica to promote.")
        try:
            with connections[replica.REPLICA].cursor() as cursor:
                cursor.execute("SELECT pg_is_in_recovery()")
                if not cursor.fetchone()[0]:
                    self.stdout.write("The replica is already a primary: nothing to do.")
                    return
                cursor.execute("SELECT pg_promote(true, %s)", [PROMOTE_WAIT_SECONDS])
                promoted = cursor.fetchone()[0]
        except DatabaseError as error:
            raise CommandError(f"The replica cannot be reached or refused: {error}") from error
        if not promoted:
            raise CommandError(f"The replica did not finish its promotion within {PROMOTE_WAIT_SECONDS} s.")
        settings_dict = connections[replica.REPLICA].settings_dict
        self.stdout.write(
            f"Promoted: {settings_dict['HOST']}:{settings_dict['PORT']}/{settings_dict['NAME']} now takes writes.\n"
            "Next: set DATABASE_URL to that address, unset DATABASE_REPLICA_URL (or point it at a new standby), and "
            "restart the instances one at a time. Do not start the old primary again as a primary."
        )
