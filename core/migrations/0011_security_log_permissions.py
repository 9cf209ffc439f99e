from django.db import migrations

from core.groups import grant_group_permissions


def grant(apps, schema_editor):
    grant_group_permissions(apps, "core")


class Migration(migrations.Migration):
    dependencies = [("core", "0010_security_log")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
