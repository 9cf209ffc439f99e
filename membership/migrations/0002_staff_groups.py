from django.db import migrations

from core.groups import grant_group_permissions


def grant(apps, schema_editor):
    # The finance group is new: it also needs its grants on core's and members' models, and the membership
    # managers theirs on the register's new models.
    for app_label in ("membership", "members", "core"):
        grant_group_permissions(apps, app_label)


class Migration(migrations.Migration):
    dependencies = [
        ("membership", "0001_initial"),
        ("members", "0014_membership_register"),
        ("core", "0014_outbox_kinds_declared_by_apps"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
