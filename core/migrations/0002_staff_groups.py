from django.db import migrations

from core.groups import grant_group_permissions


def grant(apps, schema_editor):
    grant_group_permissions(apps, "core")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
