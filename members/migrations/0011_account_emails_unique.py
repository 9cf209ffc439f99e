"""No two accounts may share an e-mail address, in any case: sign-in by e-mail and password resets would reach the
wrong account. A unique index on the lower-cased address (empty addresses excepted), after a check that stops with
the duplicates named rather than an opaque database error."""

from django.db import migrations
from django.db.models import Count
from django.db.models.functions import Lower

INDEX = "auth_user_email_ci_unique"


def refuse_duplicates(apps, schema_editor):
    User = apps.get_model("auth", "User")
    duplicates = (
        User.objects.exclude(email="")
        .annotate(address=Lower("email"))
        .values("address")
        .annotate(accounts=Count("id"))
        .filter(accounts__gt=1)
    )
    if duplicates:
        listed = ", ".join(f"{row['address']} ({row['accounts']} accounts)" for row in duplicates)
        raise RuntimeError(f"Give these accounts addresses of their own before migrating: {listed}")


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0010_images_without_metadata"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(refuse_duplicates, migrations.RunPython.noop),
        migrations.RunSQL(
            f"CREATE UNIQUE INDEX {INDEX} ON auth_user (LOWER(email)) WHERE email <> ''",
            f"DROP INDEX {INDEX}",
        ),
    ]
