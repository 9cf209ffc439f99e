"""The table of the database cache that keeps whole pages when there is no Redis (settings.CACHES["pages"]), made
by `migrate` so that no deployment forgets `createcachetable`."""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0005_outbox")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
