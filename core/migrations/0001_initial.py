"""The export record and the search index move here from the association app. Their tables keep their names,
so this only moves them in Django's state; the content types follow, so granted permissions stay granted."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import core.search.models
import core.i18n.translation

MOVED = ("exportlog", "searchentry")


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not ContentType.objects.filter(app_label="core", model=model).exists():
            ContentType.objects.filter(app_label="association", model=model).update(app_label="core")


def move_content_types_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="core", model__in=MOVED).update(app_label="association")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("association", "0006_english_pages_and_documents"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ExportLog",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("what", models.CharField(max_length=200, verbose_name="what")),
                        ("row_count", models.PositiveIntegerField(verbose_name="rows")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="exported at")),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="exported by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "export record",
                        "verbose_name_plural": "export records",
                        "ordering": ["-created_at"],
                        "db_table": "association_exportlog",
                    },
                ),
                migrations.CreateModel(
                    name="SearchEntry",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("article", "News"),
                                    ("event", "Events"),
                                    ("city", "Member cities"),
                                    ("document", "Documents"),
                                ],
                                max_length=10,
                                verbose_name="kind",
                            ),
                        ),
                        ("object_id", models.PositiveIntegerField(verbose_name="object")),
                        (
                            "key",
                            models.CharField(
                                help_text="The id or slug in the item's URL.",
                                max_length=100,
                                verbose_name="address key",
                            ),
                        ),
                        ("title", models.CharField(max_length=300, verbose_name="title")),
                        ("title_en", models.CharField(blank=True, max_length=300, verbose_name="title (English)")),
                        ("text", models.TextField(blank=True, verbose_name="text for snippets")),
                        ("text_en", models.TextField(blank=True, verbose_name="text for snippets (English)")),
                        (
                            "category_id",
                            models.PositiveIntegerField(blank=True, null=True, verbose_name="news category"),
                        ),
                        ("date", models.DateTimeField(blank=True, null=True, verbose_name="date")),
                        ("visible_from", models.DateTimeField(blank=True, null=True, verbose_name="visible from")),
                        ("members_only", models.BooleanField(default=False, verbose_name="members only")),
                        ("words", core.search.models.WordsField(blank=True, verbose_name="words")),
                    ],
                    options={
                        "verbose_name": "search entry",
                        "verbose_name_plural": "search entries",
                        "db_table": "association_searchentry",
                        "indexes": [models.Index(fields=["kind", "-date"], name="search_entry_kind_date")],
                        "constraints": [
                            models.UniqueConstraint(fields=("kind", "object_id"), name="one_search_entry_per_item")
                        ],
                    },
                    bases=(core.i18n.translation.TranslatedMixin, models.Model),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
