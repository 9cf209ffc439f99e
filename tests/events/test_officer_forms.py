"""The officer's delegation form: an error summary at the top linking to each field, invalid fields marked,
Chinese telephone numbers checked, people's names as 姓名, no dashes in choices, numbered delegates, no delete box on
the first, consent asked once."""

import pytest

from core.phones import validate_mobile, validate_phone
from events import services
from tests.events.conftest import delegates
from tests.events.test_pages import form_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "number, ok",
    [
        ("13807711404", True),
        ("138 0771 1404", True),
        ("138-0771-1404", True),
        ("+856 20 5551 2345", True),
        ("1380771", False),
        ("23807711404", False),
        ("0771-2814004", False),
        ("call me", False),
    ],
)
def test_a_mobile_is_eleven_digits_starting_with_one_or_a_number_abroad(number, ok):
    from django.core.exceptions import ValidationError

    try:
        validate_mobile(number)
    except ValidationError:
        assert not ok
    else:
        assert ok


@pytest.mark.parametrize(
    "number, ok",
    [
        ("0771-2814004", True),
        ("07712814004", True),
        ("0771-2814004-802", True),
        ("13807711404", True),
        ("2814004", False),
        ("0771-28", False),
    ],
)
def test_a_landline_needs_its_area_code(number, ok):
    from django.core.exceptions import ValidationError

    try:
        validate_phone(number)
    except ValidationError:
        assert not ok
    else:
        assert ok


def test_a_refused_form_summarises_every_error_at_the_top_with_links_to_the_fields(client, make_event, make_officer):
    event, officer = make_event(), make_officer("nanning")
    client.force_login(officer.user)
    people = delegates(2)
    people[0]["mobile"] = "1380771"
    people[1]["name"] = ""
    response = client.post(f"/portal/events/{event.pk}/delegation/", form_data(people))
    page = response.content.decode()
    assert response.status_code == 400
    summary = response.context["error_summary"]
    assert [anchor for anchor, _text in summary] == ["id_delegates-0-mobile", "id_delegates-1-name"]
    assert "代表 1，手机" in summary[0][1] and "代表 2，姓名" in summary[1][1]
    assert "data-error-summary" in page and 'href="#id_delegates-0-mobile"' in page
    assert 'id="id_delegates-0-mobile"' in page and 'aria-invalid="true"' in page


def test_the_form_names_people_numbers_delegates_and_offers_no_dashes_or_first_delete_box(
    client, make_event, make_officer
):
    event, officer = make_event(), make_officer("nanning")
    client.force_login(officer.user)
    page = client.get(f"/portal/events/{event.pk}/delegation/").content.decode()
    assert "姓名" in page and "---------" not in page.split('<template id="empty-delegate">')[0]
    assert "代表 1" in page and 'name="delegates-0-DELETE"' not in page
    assert 'type="radio" name="delegates-0-gender"' in page


def test_consent_is_given_once_and_kept_on_changes(client, make_event, make_officer):
    event, officer = make_event(), make_officer("nanning")
    services.delegation_register(event=event, officer=officer, delegates=delegates(1), consent=True)
    client.force_login(officer.user)
    page = client.get(f"/portal/events/{event.pk}/delegation/?edit=1").content.decode()
    assert 'name="consent"' not in page and "代表 1（团长）" in page
    response = client.post(f"/portal/events/{event.pk}/delegation/", form_data(delegates(2), consent=False))
    assert response.status_code == 302


def test_after_saving_the_officer_reads_a_summary_in_protocol_order_with_what_happens_next(
    client, make_event, make_officer
):
    event, officer = make_event(), make_officer("nanning")
    people = [
        {"name": "甲代表", "gender": "male", "position": "市长", "rank": 1, "is_head": True},
        {"name": "丙代表", "gender": "male", "position": "秘书长", "rank": 3, "is_head": False},
        {"name": "乙代表", "gender": "female", "position": "副市长", "rank": 2, "is_head": False},
    ]
    client.force_login(officer.user)

    saved = client.post(f"/portal/events/{event.pk}/delegation/", form_data(people), follow=True)
    page = saved.content.decode()

    assert saved.status_code == 200 and 'class="delegation-form"' not in page  # not the form again
    assert page.index("甲代表") < page.index("乙代表") < page.index("丙代表")  # in protocol order
    assert "报到处" in page or "签到码" in page  # what happens next, for a confirmed delegation
    assert 'href="?edit=1#form-title"' in page
    assert 'class="delegation-form"' in client.get(f"/portal/events/{event.pk}/delegation/?edit=1").content.decode()
