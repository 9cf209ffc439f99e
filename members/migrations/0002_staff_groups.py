from django.db import migrations

from core.groups import grant_group_permissions


def grant(apps, schema_editor):
    grant_group_permissions(apps, "members")
    grant_group_permissions(apps, "association")


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0001_initial"),
        ("association", "0003_exportlog"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
