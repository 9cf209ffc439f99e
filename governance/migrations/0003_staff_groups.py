from django.db import migrations

from core.groups import grant_group_permissions


def grant(apps, schema_editor):
    # The secretariat group is new: it also needs its grants on the association's documents and branches.
    for app_label in ("governance", "association"):
        grant_group_permissions(apps, app_label)


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0002_leaders_and_councils_from_association"),
        ("association", "0013_leaders_and_councils_moved_to_governance"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
