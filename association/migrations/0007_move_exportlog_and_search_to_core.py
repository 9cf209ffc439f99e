"""The export record and the search index now belong to core (see core/migrations/0001_initial.py); their
tables stay where they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("association", "0006_english_pages_and_documents"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel("ExportLog"), migrations.DeleteModel("SearchEntry")],
            database_operations=[],
        ),
    ]
