from django.db import migrations

from core.groups import grant_group_permissions


def grant(apps, schema_editor):
    grant_group_permissions(apps, "surveys")


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0001_initial"),
        ("governance", "0003_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
