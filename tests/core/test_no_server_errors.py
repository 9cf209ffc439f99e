"""Whatever a visitor types, no page answers 5xx (hypothesis): generated text (NUL, emoji, Traditional characters,
markup), numbers and dates go into every list filter and path of the public site and every public and portal
form."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.events.conftest import delegates
from tests.events.test_pages import form_data

pytestmark = pytest.mark.django_db

EXAMPLES = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)

# Any character a form can carry (lone surrogates cannot be encoded by a browser either).
text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=30)
value = st.one_of(
    text,
    st.sampled_from(["\x00", "会议", "聯絡員", "<script>", "'; DROP TABLE x;--", "%00", "../..", "9" * 30, "-1", "0"]),
    st.integers(min_value=-(10**15), max_value=10**15).map(str),
    st.dates().map(str),
    st.datetimes().map(lambda moment: moment.strftime("%Y-%m-%dT%H:%M")),
)

LIST_FILTERS = {
    "/news/": ["q", "year", "page", "english", "category", "branch"],
    "/en/news/": ["q", "page", "english"],
    "/members/": ["q", "region", "level", "page"],
    "/documents/": ["kind", "year", "page"],
    "/events/": ["year", "page", "kind"],
    "/search/": ["q", "kind", "page", "branch"],
    "/zh-hant/search/": ["q", "kind"],
    "/news/feed/": ["page"],
    "/membership/certificates/": ["number"],
}
PATHS = [
    "/news/tag/{}/",
    "/news/c/{}/",
    "/members/{}/",
    "/news/topics/{}/",
    "/about/branches/{}/",
    "/about/branches/{}/feed/",
    "/about/bodies/{}/",
    "/votes/{}/",
    "/events/series/{}/",
    "/membership/certificates/{}/",
]


def assert_no_server_error(response, what):
    assert response.status_code < 500, f"{response.status_code} for {what!r}"


@pytest.fixture
def demo(db):
    import io

    from django.core.management import call_command

    call_command("load_demo_data", stdout=io.StringIO())


@EXAMPLES
@given(page=st.sampled_from(sorted(LIST_FILTERS)), data=st.data())
def test_list_filters_take_anything(demo, page, data):
    query = {name: data.draw(value) for name in LIST_FILTERS[page] if data.draw(st.booleans())}
    assert_no_server_error(Client().get(page, query), (page, query))


@EXAMPLES
@example(pattern="/news/tag/{}/", segment="\x00")  # a 500 on PostgreSQL before the 400 for unreadable input
@given(pattern=st.sampled_from(PATHS), segment=value.filter(lambda s: "/" not in s and "?" not in s and "#" not in s))
def test_addresses_take_anything(demo, pattern, segment):
    from urllib.parse import quote

    url = pattern.format(quote(segment, safe=""))
    assert_no_server_error(Client().get(url), url)


@EXAMPLES
@given(username=value, password=value, email=value)
def test_the_sign_in_and_password_forms_take_anything(demo, username, password, email):
    client = Client()
    assert_no_server_error(client.post("/accounts/login/", {"username": username, "password": password}), username)
    assert_no_server_error(client.post("/accounts/password/reset/", {"email": email}), email)


@pytest.fixture
def officer_client(make_officer):
    officer = make_officer("nanning")
    client = Client()
    client.force_login(officer.user)
    return client


@EXAMPLES
@given(
    fields=st.fixed_dictionaries(
        {name: value for name in ["name", "position", "office_phone", "mobile", "email", "language"]}
    )
)
def test_the_officers_contact_form_takes_anything(officer_client, fields):
    assert_no_server_error(officer_client.post("/portal/", fields), fields)


@EXAMPLES
@given(
    person=st.fixed_dictionaries(
        {
            name: value
            for name in [
                "name",
                "gender",
                "position",
                "rank",
                "mobile",
                "arrival",
                "arrival_by",
                "departure",
                "departure_by",
                "diet",
            ]
        }
    ),
    remarks=value,
    count=value,
)
def test_the_delegation_form_takes_anything(officer_client, make_event, person, remarks, count):
    event = make_event()
    data = form_data(delegates(1), remarks=remarks)
    data.update({f"delegates-0-{name}": text for name, text in person.items()})
    data["delegates-TOTAL_FORMS"] = count
    assert_no_server_error(officer_client.post(f"/portal/events/{event.pk}/delegation/", data), data)


@EXAMPLES
@example(token="code\x00")
@given(token=value)
def test_the_check_in_desk_takes_anything(make_event, token):
    from events.contributions import EVENT_MANAGERS
    from tests.factories import StaffUserFactory

    client = Client()
    client.force_login(StaffUserFactory(username="meetings", groups=[EVENT_MANAGERS]))
    event = make_event()
    assert_no_server_error(client.post(f"/events/{event.pk}/checkin/", {"token": token}), token)


@EXAMPLES
@given(
    fields=st.fixed_dictionaries(
        {
            name: value
            for name in [
                "city_name",
                "region",
                "city_level",
                "intended_level",
                "contact_name",
                "contact_position",
                "contact_phone",
                "contact_email",
                "note",
                "consent",
            ]
        }
    ),
    letter=st.binary(max_size=200),
)
def test_the_application_to_join_takes_anything(db, fields, letter):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {**fields, "letter": SimpleUploadedFile("申请书.pdf", letter)}
    assert_no_server_error(Client().post("/membership/apply/", data), fields)
