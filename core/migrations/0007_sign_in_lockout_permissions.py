from django.db import migrations

from core.groups import grant_group_permissions


def grant(apps, schema_editor):
    grant_group_permissions(apps, "axes")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_page_cache_table"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
