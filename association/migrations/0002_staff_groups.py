from django.db import migrations

from core.groups import grant_group_permissions


def create_groups(apps, schema_editor):
    grant_group_permissions(apps, "association")


class Migration(migrations.Migration):
    dependencies = [
        ("association", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
