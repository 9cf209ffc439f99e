"""A password alone unlocks nothing that staff permissions give. Every URL pattern outside the back office is
requested three ways: by a signed-in account with no permission, by a superuser who gave both sign-in steps, and
by a superuser who typed the password only. Wherever the superuser's answer differs from the plain account's, the
page depends on a staff permission, and the password-only session must not get the superuser's answer: it is sent
to the code page (or refused, as /metrics refuses anyone without its permission).

Each pattern's arguments come from one sample of every model (made by its factory with the same id and slug), so
`<int:pk>` finds a row whatever the view looks up."""

import inspect

import factory
import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter

import tests.factories as factories
from news.models import Article
from tests.factories import SuperUserFactory, UserFactory

pytestmark = pytest.mark.django_db

SAMPLE_PK = 900_001
SAMPLE_SLUG = "sample"
TWO_STEP = reverse("two_factor")
# The back office and the desk are refused by path before any view (members/two_factor.py, tested there).
BY_PATH = ("admin/", "portal/")
# Pages that answer each account by itself (sign-in, the code page, sign-out) rather than by its permissions.
OWN_ACCOUNT = ("accounts/",)


def patterns(resolver=None, prefix="", namespaces=()):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            namespace = (entry.namespace,) if entry.namespace else ()
            yield from patterns(entry, prefix + str(entry.pattern), namespaces + namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield prefix + str(entry.pattern), ":".join((*namespaces, entry.name)), entry.pattern


def sample_url(name, pattern):
    converters = getattr(pattern, "converters", {})
    kwargs = {key: SAMPLE_PK if isinstance(c, IntConverter) else SAMPLE_SLUG for key, c in converters.items()}
    return reverse(name, kwargs=kwargs)


@pytest.fixture
def samples():
    """One row of every model with a factory, at SAMPLE_PK (and slug SAMPLE_SLUG where it has one); the article is
    a draft, so that its page is a staff preview."""
    for candidate in vars(factories).values():
        if not (inspect.isclass(candidate) and issubclass(candidate, factory.django.DjangoModelFactory)):
            continue
        model = candidate._meta.model
        fields = {field.name for field in model._meta.get_fields()}
        values = {"pk": SAMPLE_PK, **({"slug": SAMPLE_SLUG} if "slug" in fields else {})}
        try:
            with transaction.atomic():
                if not model._default_manager.filter(pk=SAMPLE_PK).exists():
                    candidate.create(**values)
        except Exception:  # a factory that needs arguments of its own: its pages are covered by their own tests
            continue
    Article.objects.filter(pk=SAMPLE_PK).update(status=Article.Status.DRAFT)


def signed_in(user, *, second_step):
    client = Client()
    client.force_login(user)  # tests/conftest.py: gives staff the second step too
    if not second_step:
        session = client.session
        session.pop("otp_device_id", None)
        session.save()
    return client


def test_every_page_a_staff_permission_opens_asks_a_password_only_session_for_its_code(samples):
    plain = signed_in(UserFactory(), second_step=False)
    verified = signed_in(SuperUserFactory(), second_step=True)
    password_only = signed_in(SuperUserFactory(), second_step=False)

    staff_pages, open_doors = [], []
    for route, name, pattern in patterns():
        if route.startswith(BY_PATH + OWN_ACCOUNT) or "admin/" in route[:12]:
            continue
        url = sample_url(name, pattern)
        if verified.get(url).status_code == plain.get(url).status_code:
            continue
        staff_pages.append(url)
        answer = password_only.get(url)
        to_code_page = answer.status_code == 302 and answer["Location"].startswith(TWO_STEP)
        if not to_code_page and answer.status_code == verified.get(url).status_code:
            open_doors.append((url, answer.status_code))

    assert not open_doors
    # The walk found the pages it is about: the check-in desk, a draft's preview, a city's dues papers.
    assert reverse("events:checkin", args=[SAMPLE_PK]) in staff_pages
    assert reverse("news:article", args=[SAMPLE_PK]) in staff_pages
    assert reverse("membership:notice_pdf", args=[SAMPLE_PK]) in staff_pages


def test_the_code_page_sends_back_to_the_desk_it_was_asked_for(samples):
    password_only = signed_in(SuperUserFactory(), second_step=False)
    checkin = reverse("events:checkin", args=[SAMPLE_PK])
    answer = password_only.post(checkin, {"token": "anything"})
    assert answer.status_code == 302
    assert answer["Location"] == f"{TWO_STEP}?next={checkin.replace('/', '%2F')}"
