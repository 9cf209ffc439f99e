"""Languages are data: every page, the API, the forms, the importer and copying a meeting follow settings.LANGUAGES
and settings.CONTENT_LANGUAGES. These tests run with the portal's three languages, and once more in a process of
their own with Vietnamese added (tests/core/vietnamese_settings.py), in four."""

import datetime
import re
import subprocess
from pathlib import Path

import pytest
from django.utils import timezone

from core.i18n.translation import column, content_languages, interface_languages
from events import editions
from events.models import GuestInvitation
from events.models.media import subtitle_language_choices
from members.importers import CityRowForm, header_names
from tests.factories import ArticleFactory, EventFactory, MemberCityFactory, StaffUserFactory
from tests.own_process import run_pytest, summary

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def prefix(language):
    return "" if language == "zh-hans" else f"/{language}"


@pytest.mark.parametrize("path", ["/", "/news/", "/events/", "/members/", "/about/", "/documents/", "/search/?q=城市"])
def test_every_public_page_answers_in_every_language(client, path):
    for language in interface_languages():
        response = client.get(prefix(language) + path)
        assert response.status_code == 200, (language, path)
        assert response["Content-Language"] == language


def test_each_content_language_shows_its_own_text_and_the_chinese_where_none_was_written(client):
    article = ArticleFactory(title="北海联络工作会议")
    for language in content_languages():
        setattr(article, column("title", language), f"Title in {language}")
    article.save()
    city = MemberCityFactory(name="北海市")
    for language in content_languages():
        page = client.get(f"/{language}/news/{article.pk}/").content.decode()
        assert f"Title in {language}" in page
        assert city.name in client.get(f"/{language}/members/{city.slug}/").content.decode()  # no intro written


def test_the_api_answers_in_every_language_and_lists_a_name_per_content_language(client):
    MemberCityFactory(name="北海市")
    for language in interface_languages():
        response = client.get("/api/v1/cities/", {"lang": language})
        assert response.status_code == 200 and response["Content-Language"] == language
        city = response.json()["results"][0]
        assert {column("name", other) for other in content_languages()} <= set(city)
        header = client.get("/api/v1/cities/", headers={"Accept-Language": f"{language};q=0.9"})
        assert header["Content-Language"] == language


def test_a_guest_and_a_video_may_use_every_content_language():
    guest_languages = {code for code, _label in GuestInvitation._meta.get_field("language").choices}
    assert guest_languages == {"zh-hans", *content_languages()}
    assert len(subtitle_language_choices()) == 1 + len(content_languages())


def test_the_next_edition_keeps_its_texts_in_every_content_language():
    event = EventFactory(title="市长论坛")
    for language in content_languages():
        for field in ("title", "venue", "description"):
            setattr(event, column(field, language), f"{field} in {language}")
    event.save()
    manager = StaffUserFactory(is_superuser=True)
    copy = editions.event_next_edition(
        event=event, starts_at=event.starts_at + datetime.timedelta(days=365), by=manager
    )
    for language in content_languages():
        assert getattr(copy, column("venue", language)) == f"venue in {language}"
        assert getattr(copy, column("description", language)) == f"description in {language}"


def test_the_importer_takes_a_name_column_per_content_language():
    assert {column("name", language) for language in content_languages()} <= set(CityRowForm().fields)
    assert {column("name", language) for language in content_languages()} <= set(header_names("cities").values())


def test_the_news_list_narrows_to_articles_written_in_the_pages_language(client):
    written = ArticleFactory(title="写了译文", publish_at=timezone.now())
    for language in content_languages():
        setattr(written, column("title", language), "Written")
        setattr(written, column("body", language), "<p>Written</p>")
    written.save()
    ArticleFactory(title="没有译文")
    for language in content_languages():
        page = client.get(f"/{language}/news/", {"english": "1"}).content.decode()
        assert f"/{language}/news/{written.pk}/" in page and "没有译文" not in page


HAND_WRITTEN = re.compile(r"\b[a-z][a-z0-9_]*_en\b")


@pytest.mark.django_db(False)
def test_no_code_names_an_english_column_by_hand():
    """Outside migrations, tests and the demo content, columns are named through core.i18n.translation."""
    files = subprocess.run(
        ["git", "ls-files", "*.py", "*.html", "*.txt", "*.js"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    found = []
    for name in files:
        if (
            "/migrations/" in name
            or name.startswith(("tests/", "tools/", "locale/", "static/vendor/"))
            or "demo" in name
        ):
            continue
        path = ROOT / name
        if not path.exists():
            continue
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), start=1):
            if HAND_WRITTEN.search(line):
                found.append(f"{name}:{number}: {line.strip()}")
    assert found == []


@pytest.mark.django_db(False)
@pytest.mark.skipif("vi" in content_languages(), reason="this is the run in four languages")
def test_these_tests_pass_in_four_languages_with_vietnamese_added():
    result = run_pytest(__file__, settings="tests.core.vietnamese_settings", extra=["--no-migrations"])
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert re.search(r"\b1[0-9] passed, 1 skipped\b", summary(result)), summary(result)
