"""Input no page can read: a NUL or broken UTF-8 in the path, the query or a form answers 400 with a page saying so
and changes nothing; dates outside 1900–2100 are refused by the forms and by the database; the Traditional
conversion keeps Content-Length right."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from events.models import Delegate, Delegation, Event
from tests.events.conftest import delegates
from tests.events.test_pages import form_data
from tests.factories import ArticleFactory, EventFactory, StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/news/tag/%00/",
        "/news/c/%00/",
        "/members/%00/",
        "/news/?q=%00",
        "/search/?q=%E4%BC%9A%00",
        "/zh-hant/news/?q=%00",
        "/en/events/?year=%00",
        "/news/?q=%C3%28",
        "/news/%FF%FE/",
        "/documents/?kind=%80",
    ],
)
def test_a_nul_or_broken_utf8_in_the_address_is_a_400_with_a_readable_page(client, url):
    response = client.get(url)
    assert response.status_code == 400, url
    assert (
        "无法读取" in response.content.decode()
        or "無法讀取" in response.content.decode()
        or "cannot be read" in response.content.decode()
    )


def test_a_nul_in_a_sign_in_form_is_a_400(client):
    response = client.post("/accounts/login/", {"username": "lin\x00haibo", "password": "x"})
    assert response.status_code == 400


def test_a_check_in_code_holding_a_nul_is_a_400_and_checks_nobody_in(client, make_event, make_officer):
    from events import services
    from events.contributions import EVENT_MANAGERS

    delegation = services.delegation_register(
        event=make_event(), officer=make_officer("nanning"), delegates=delegates(1), consent=True
    )
    client.force_login(StaffUserFactory(groups=[EVENT_MANAGERS]))
    token = delegation.delegates.get().checkin_token
    assert client.post(f"/events/{delegation.event_id}/checkin/", {"token": token + "\x00"}).status_code == 400
    assert not Delegate.objects.filter(checked_in_at__isnull=False).exists()


def test_a_nul_in_a_multipart_form_is_a_400(client):
    client.force_login(StaffUserFactory(is_superuser=True))
    response = client.post(
        "/admin/news/category/add/", {"name": "新\x00栏目", "slug": "x", "file": SimpleUploadedFile("a.txt", b"x")}
    )
    assert response.status_code == 400


def test_the_traditional_page_says_its_true_length(client):
    ArticleFactory(title="联络员工作会议", status="published")
    response = client.get("/zh-hant/news/?q=聯絡員")
    assert response.status_code == 200
    if response.has_header("Content-Length"):
        assert int(response["Content-Length"]) == len(response.content)


def test_an_arrival_in_year_one_is_refused_by_the_officers_form(client, make_event, make_officer):
    event, officer = make_event(), make_officer("nanning")
    client.force_login(officer.user)
    people = delegates(1)
    people[0]["arrival"] = "0001-01-01T00:00"
    response = client.post(f"/portal/events/{event.pk}/delegation/", form_data(people))
    assert response.status_code == 400 and "1900" in response.content.decode()
    assert not Delegation.objects.exists()
    assert client.get(f"/portal/events/{event.pk}/delegation/").status_code == 200


@pytest.mark.parametrize(
    "model, field, value",
    [
        (Delegate, "arrival", datetime.datetime(1, 1, 1, tzinfo=datetime.UTC)),
        (Event, "starts_at", datetime.datetime(9999, 1, 1, tzinfo=datetime.UTC)),
    ],
)
def test_the_database_refuses_a_date_outside_the_window_whoever_writes_it(
    model, field, value, make_event, make_officer
):
    from events import services

    delegation = services.delegation_register(
        event=make_event(), officer=make_officer("nanning"), delegates=delegates(1), consent=True
    )
    row = delegation.delegates.get() if model is Delegate else delegation.event
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=row.pk).update(**{field: value})


def test_a_meeting_in_year_9999_is_refused_with_the_window_named():
    from django.core.exceptions import ValidationError

    event = EventFactory.build(starts_at=datetime.datetime(9999, 1, 1, tzinfo=datetime.UTC))
    with pytest.raises(ValidationError) as refused:
        event.clean_fields(exclude=["series", "host_city", "cover"])
    assert "1900" in refused.value.message_dict["starts_at"][0] and "2100" in refused.value.message_dict["starts_at"][0]


def test_the_search_page_answers_only_gets(client):
    assert client.post("/search/", {"q": "会议"}).status_code == 405
    assert client.get("/search/", {"q": "会议"}).status_code == 200
