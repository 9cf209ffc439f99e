from django.db import migrations

from core.groups import grant_group_permissions


def grant(apps, schema_editor):
    grant_group_permissions(apps, "insight")


class Migration(migrations.Migration):
    dependencies = [
        ("insight", "0001_initial"),
        ("governance", "0003_staff_groups"),
        ("news", "0016_readsbymonth"),
        ("members", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
