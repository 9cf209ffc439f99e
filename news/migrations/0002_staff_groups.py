from django.db import migrations

from core.groups import grant_group_permissions


def grant(apps, schema_editor):
    grant_group_permissions(apps, "news")
    grant_group_permissions(apps, "taggit")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("association", "0002_staff_groups"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
