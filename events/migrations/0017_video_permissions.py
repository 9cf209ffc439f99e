from django.db import migrations

from core.groups import grant_group_permissions


def grant(apps, schema_editor):
    grant_group_permissions(apps, "events")


class Migration(migrations.Migration):
    dependencies = [("events", "0016_event_videos")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
