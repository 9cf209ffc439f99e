from django.db import migrations

from core.groups import grant_group_permissions


def grant(apps, schema_editor):
    grant_group_permissions(apps, "subscriptions")


class Migration(migrations.Migration):
    dependencies = [
        ("subscriptions", "0001_initial"),
        ("publications", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
