"""Hostile input into every POST form a person can reach outside the back office, and into every API parameter:
over-long text, NUL characters and bytes that are not UTF-8 never cost a 5xx. The forms are found, not listed: the
demo site is crawled from its home page as a reader, from the desk as a liaison officer and from the check-in
desk as an event manager, and every <form method="post"> on the pages found is sent back with hostile values."""

import io
import re
from collections import deque
from urllib.parse import quote, urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.contributions import EVENT_MANAGERS
from events.models import Event
from members.models import LiaisonOfficer
from tests.factories import StaffUserFactory
from tests.html import parse

pytestmark = pytest.mark.django_db

OVER_LONG = ["a" * 5_000, "林" * 5_000]
NUL = "会议\x00纪要"
NOT_UTF8 = b"%FF%FE%C3%28"
SKIP = ("/admin/", "/static/", "/media/", "/api/", "/accounts/logout/", ".ics", ".xml", ".svg", "/download/", "/pdf/")
PAGES_PER_ROLE = 150
hostile = st.one_of(
    st.sampled_from([*OVER_LONG, NUL, "\x00", "", "-1", "9" * 40, "<script>alert(1)</script>", "\ufeff", "\u202e"]),
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), min_size=200, max_size=2_000),
)


class Form:
    def __init__(self, role, page, action, fields):
        self.role, self.page, self.action, self.fields = role, page, action, fields

    def __repr__(self):
        return f"<{self.role} form on {self.page} to {self.action}: {sorted(self.fields)}>"


def forms_on(role, page, html):
    found = []
    for form in parse(html).find_all("form"):
        if form.get("method", "get").lower() != "post":
            continue
        action = urljoin(page, form.get("action") or page)
        if any(part in action for part in SKIP):
            continue
        fields = {
            element.get("name")
            for element in form.iter()
            if element.tag in ("input", "select", "textarea") and element.get("name")
        }
        found.append(Form(role, page, action, fields - {"csrfmiddlewaretoken"}))
    return found


def crawl(role, client, starts, within="/"):
    """The pages under `within` reachable from `starts` (at most PAGES_PER_ROLE), and the POST forms on them."""
    seen, queue, forms = set(starts), deque(starts), {}
    while queue and len(seen) <= PAGES_PER_ROLE:
        page = queue.popleft()
        response = client.get(page)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        for form in forms_on(role, page, html):
            forms.setdefault((re.sub(r"\d+", "N", form.action), frozenset(form.fields)), form)  # one of each kind
        for link in parse(html).find_all("a", href=True):
            target = urlsplit(urljoin(page, link["href"]))
            if target.netloc not in ("", "testserver") or any(part in target.path for part in SKIP):
                continue
            if not target.path.startswith(within):
                continue
            address = target.path + (f"?{target.query}" if target.query else "")
            if address not in seen:
                seen.add(address)
                queue.append(address)
    return list(forms.values())


@pytest.fixture
def sessions(db, settings):
    settings.API_ANONYMOUS_RATE = 1_000_000
    call_command("load_demo_data", stdout=io.StringIO())
    officer = LiaisonOfficer.objects.current().select_related("user").first()
    manager = StaffUserFactory(username="hostile-meetings", groups=[EVENT_MANAGERS])
    return {"reader": None, "officer": officer.user, "event manager": manager}


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def forms(sessions):
    event = Event.objects.published().order_by("-starts_at").first()
    crawls = {  # the reader everywhere; the officer and the event manager in their own part, where their forms are
        "reader": (["/", "/membership/apply/", "/subscribe/", "/accounts/password/reset/", "/en/"], "/"),
        "officer": (["/portal/"], "/portal/"),
        "event manager": ([f"/events/{event.pk}/checkin/"], "/events/"),
    }
    found = []
    for role, (starts, within) in crawls.items():
        found += crawl(role, client_for(sessions[role]), starts, within)
    return found


def send(sessions, form, values):
    return client_for(sessions[form.role]).post(form.action, values)


def test_every_form_found_takes_over_long_nul_and_broken_utf8_without_a_server_error(sessions, forms):
    roles = {form.role for form in forms}
    actions = {urlsplit(form.action).path for form in forms}
    assert roles == {"reader", "officer", "event manager"}
    reached = {"/subscribe/", "/accounts/login/", "/accounts/password/reset/", "/membership/apply/", "/portal/"}
    assert reached <= actions and any(action.endswith("/delegation/") for action in actions)

    failures = []
    for form in forms:
        for values in ({name: text for name in form.fields} for text in [*OVER_LONG, NUL]):
            status = send(sessions, form, values).status_code
            if status >= 500:
                failures.append((form, status))
        raw = "&".join(f"{name}={NOT_UTF8.decode()}" for name in form.fields or {"x"})
        client = client_for(sessions[form.role])
        status = client.post(form.action, raw, content_type="application/x-www-form-urlencoded").status_code
        if status != 400:
            failures.append((form, "not UTF-8", status))
    assert not failures


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_any_mix_of_hostile_values_in_any_form_is_never_a_server_error(sessions, forms, data):
    form = data.draw(st.sampled_from(forms))
    values = {name: data.draw(hostile) for name in form.fields if data.draw(st.booleans())}

    assert send(sessions, form, values).status_code < 500, (form, values)


def api_parameters():
    """Every operation of the published schema: its path, with its path parameters, and its query parameters
    (and `lang`, which every address reads)."""
    from api.api import api

    operations = []
    for path, methods in api.get_openapi_schema()["paths"].items():
        for operation in methods.values():
            parameters = operation.get("parameters", [])
            in_path = [p["name"] for p in parameters if p["in"] == "path"]
            in_query = [p["name"] for p in parameters if p["in"] == "query"] + ["lang"]
            operations.append((path, in_path, in_query))
    return operations


def api_url(path, in_path, draw):
    for name in in_path:
        path = path.replace(f"{{{name}}}", quote(draw(name), safe=""))
    return path


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_api_parameter_takes_hostile_values_and_answers_json(sessions, data):
    path, in_path, in_query = data.draw(st.sampled_from(api_parameters()))
    url = api_url(path, in_path, lambda name: data.draw(hostile.filter(lambda v: v and "/" not in v)))
    query = {name: data.draw(hostile) for name in in_query if data.draw(st.booleans())}
    response = Client().get(url, query)

    assert response.status_code < 500, (url, query)
    assert response["Content-Type"].startswith("application/json"), (url, query, response.status_code)


def test_every_api_parameter_refuses_broken_utf8_in_json(sessions):
    operations = api_parameters()
    assert len(operations) >= 15
    for path, in_path, in_query in operations:
        for name in in_path + in_query:
            url = api_url(path, in_path, lambda n, name=name: NOT_UTF8.decode() if n == name else "1")
            query = f"?{name}={NOT_UTF8.decode()}" if name in in_query else ""
            response = Client().get(url + query)

            assert response.status_code == 400, (path, name, response.status_code)
            assert response["Content-Type"].startswith("application/json"), (path, name)
