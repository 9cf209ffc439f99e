# The leaders, positions and branch council members now live in governance (bodies, terms, mandates).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("association", "0012_english_contact_and_affiliations"),
        # Every leader and council member is copied into bodies, terms and mandates first.
        ("governance", "0002_leaders_and_councils_from_association"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="leader",
            name="position",
        ),
        migrations.DeleteModel(
            name="CouncilMember",
        ),
        migrations.DeleteModel(
            name="Leader",
        ),
        migrations.DeleteModel(
            name="Position",
        ),
    ]
