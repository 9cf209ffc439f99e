"""The W3C Nu HTML checker (vnu, from package.json) finds no error on the portal's main pages, in the three
languages, signed out and on the officer's desk (a confirmed delegation's check-in codes too). One Java run checks
them all."""

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from events.models import Delegation, Event
from governance.models import Body
from members.models import LiaisonOfficer, MemberCity
from news.models import Article, Category
from publications.models import Issue
from surveys.models import Questionnaire

VNU = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def main_pages():
    article = Article.objects.published().filter(images__isnull=False).first()
    event = Event.objects.exclude(status=Event.Status.DRAFT).order_by("-starts_at").first()
    city = MemberCity.objects.order_by("pk").first()
    category = Category.objects.filter(parent__isnull=False).first()
    pages = [
        "/",
        "/news/",
        article.get_absolute_url(),
        category.get_absolute_url(),
        "/events/",
        event.get_absolute_url(),
        "/members/",
        city.get_absolute_url(),
        "/about/",
        "/about/leadership/",
        "/about/branches/women-mayors/",
        Body.objects.filter(branch__isnull=True, kind=Body.Kind.COUNCIL).get().get_absolute_url(),
        "/contact/",
        "/documents/",
        "/search/?q=南宁 会议",
        "/accounts/login/",
        "/publications/",
        "/publications/huikan/",
        Issue.objects.published().first().get_absolute_url(),
        reverse("events:album", args=[Event.objects.filter(photos__isnull=False).first().pk]),
        "/subscribe/",
        "/figures/",
        "/api/",
    ]
    return pages + [
        f"/{language}{page}"
        for language in ("zh-hant", "en")
        for page in ("/", "/news/", article.get_absolute_url(), event.get_absolute_url())
    ]


@pytest.mark.django_db
def test_the_main_pages_are_valid_html(client, tmp_path):
    if not VNU.exists() or shutil.which("java") is None:
        pytest.skip("The Nu HTML checker needs Java and `npm ci` (make install runs it)")
    call_command("load_demo_data", stdout=io.StringIO())
    files = {}
    for number, url in enumerate(main_pages()):
        response = client.get(url)
        assert response.status_code == 200, url
        files[url] = tmp_path / f"page-{number}.html"
        files[url].write_bytes(response.content)
    officer = LiaisonOfficer.objects.filter(user__isnull=False).first()
    client.force_login(officer.user)
    for url in [
        "/portal/",
        f"/portal/events/{Event.objects.filter(status=Event.Status.PUBLISHED).first().pk}/delegation/",
        f"/portal/surveys/{Questionnaire.objects.open_now().first().pk}/",
        f"/portal/surveys/{Questionnaire.objects.exclude(pk=Questionnaire.objects.open_now().first().pk).first().pk}/",
    ]:
        response = client.get(url)
        if response.status_code == 200:
            files[url] = tmp_path / f"desk-{len(files)}.html"
            files[url].write_bytes(response.content)
    assert "/portal/" in files
    # The page of a confirmed delegation shows each delegate's check-in code: several inline SVGs on one page.
    confirmed = Delegation.objects.filter(state=Delegation.State.CONFIRMED, delegate_count__gte=2, city__isnull=False)
    delegation = confirmed.select_related("city").first()
    client.force_login(LiaisonOfficer.objects.current().filter(city=delegation.city).first().user)
    badges = f"/portal/events/{delegation.event_id}/delegation/"
    response = client.get(badges)
    assert response.content.decode().count("checkin-code__qr") >= 2
    files[badges + "#badges"] = tmp_path / "badges.html"
    files[badges + "#badges"].write_bytes(response.content)

    checked = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, files.values())],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    by_file = {f"file:{path}": url for url, path in files.items()}
    errors = [
        f"{by_file.get(message.get('url'), message.get('url'))}: {message['message']}"
        for message in json.loads(checked.stderr)["messages"]
    ]
    assert errors == []
