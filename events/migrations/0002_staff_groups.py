from django.db import migrations

from core.groups import grant_group_permissions


def grant(apps, schema_editor):
    for app_label in ("events", "members", "association"):
        grant_group_permissions(apps, app_label)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("members", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
