"""A content language is configuration: CONTENT_LANGUAGES plus a migration, no model or template edited."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.test import RequestFactory, override_settings
from django.utils import translation

from core.i18n.translation import column, columns, content_languages, localized
from core.templatetags.portal import language_links
from members.models import MemberCity, Region
from news.models import Article

ROOT = Path(__file__).resolve().parents[2]


def translated_models():
    return [model for model in apps.get_models() if model.__dict__.get("translated_fields")]


def run_with_vietnamese(*args):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.core.vietnamese_settings", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def test_every_translated_field_has_a_column_per_content_language():
    assert content_languages() == ["en"]
    for model in translated_models():
        for field in model.translated_fields:
            source = model._meta.get_field(field)
            translation_column = model._meta.get_field(column(field, "en"))
            assert translation_column.blank and not translation_column.unique
            assert type(translation_column) is type(source)
            if getattr(source, "max_length", None):
                assert translation_column.max_length == 2 * source.max_length


def test_a_translation_longer_than_its_column_is_refused_by_validation_not_by_the_database():
    name_en = MemberCity._meta.get_field("name_en")
    name_en.run_validators("x" * name_en.max_length)
    with pytest.raises(ValidationError):
        name_en.run_validators("x" * (name_en.max_length + 1))


def test_the_history_of_articles_keeps_the_translations_too():
    historical = apps.get_model("news", "HistoricalArticle")
    assert {"title_en", "summary_en", "body_en"} <= {field.name for field in historical._meta.fields}


def test_columns_name_each_field_and_its_translations():
    assert columns("title", "name") == ["title", "title_en", "name", "name_en"]


def test_the_reader_gets_the_translation_where_written_and_the_chinese_elsewhere():
    city = MemberCity(name="北海市", name_en="Beihai", introduction="北海是...", region=Region(name="广西壮族自治区"))
    with translation.override("en"):
        assert (localized(city, "name"), localized(city, "introduction")) == ("Beihai", "北海是...")
    with translation.override("zh-hant"):
        assert localized(city, "name") == "北海市"  # Traditional is made from the Simplified, not typed


def test_a_new_content_language_is_settings_plus_a_migration_that_only_adds_its_columns():
    result = run_with_vietnamese("manage.py", "makemigrations", "--dry-run", "--verbosity", "1")
    assert result.returncode == 0, result.stderr
    operations = [line.strip() for line in result.stdout.splitlines() if line.strip().startswith(("+", "~", "-"))]
    expected = {
        f"+ Add field {column(field, 'vi')} to {model._meta.model_name}"
        for model in translated_models()
        for field in model.translated_fields
    }
    expected |= {f"+ Add field {field}_vi to historicalarticle" for field in Article.translated_fields}
    assert set(operations) == expected


def test_in_a_new_content_language_readers_get_its_text_and_the_chinese_where_it_is_missing():
    script = (
        "import django; django.setup()\n"
        "from django.utils import translation\n"
        "from members.models import MemberCity, Region\n"
        "from core.i18n.translation import localized, lacks_translation\n"
        "city = MemberCity(name='北海市', name_vi='Bắc Hải', name_en='Beihai', "
        "introduction='北海是...', region=Region(name='广西'))\n"
        "with translation.override('vi'):\n"
        "    print(localized(city, 'name'), localized(city, 'introduction'), lacks_translation(city, 'introduction'))\n"
        "with translation.override('en'):\n"
        "    print(localized(city, 'name'))\n"
        "from django.contrib import admin\n"
        "from events.models import Event\n"
        "from news.models import Article\n"
        "print([row for _, options in admin.site._registry[Event].get_fieldsets(None) for row in options['fields']"
        " if isinstance(row, tuple)])\n"
        "print([options['fields'] for _, options in admin.site._registry[Article].get_fieldsets(None)][1:3])\n"
    )
    result = run_with_vietnamese("-c", script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Bắc Hải 北海是... True",
        "Beihai",
        # the admin puts each translation beside the Chinese, or in a fieldset of its own for an article's texts
        "[('title', 'title_en', 'title_vi'), ('venue', 'venue_en', 'venue_vi'), "
        "('description', 'description_en', 'description_vi')]",
        "[['title_en', 'subtitle_en', 'summary_en', 'body_en', 'source_en', 'author_en'], "
        "['title_vi', 'subtitle_vi', 'summary_vi', 'body_vi', 'source_vi', 'author_vi']]",
    ]


def test_a_new_interface_language_gets_a_language_link_instead_of_an_error():
    request = RequestFactory().get("/news/")
    with override_settings(LANGUAGES=[("zh-hans", "简体中文"), ("en", "English"), ("vi", "Tiếng Việt")]):
        links = language_links({"request": request})
    vietnamese = next(link for link in links if link["code"] == "vi")
    assert (vietnamese["tag"], vietnamese["label"], vietnamese["name"]) == ("vi", "VI", "Tiếng Việt")
    assert re.match(r"^/vi/news/", vietnamese["url"]) or vietnamese["url"] == "/news/"
