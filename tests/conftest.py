"""Fixtures shared by every app's tests: isolated file storage, a clean cache, users, demo content, and the
region and news category several apps' tests build on. All objects come from tests/factories."""

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache, caches
from django.db import OperationalError, connections
from django.test import Client
from django.utils import translation

from association import demo
from governance import demo as governance_demo
from members.contributions import MEMBERSHIP_MANAGERS
from news.contributions import NEWS_EDITORS
from tests.factories import (
    CategoryFactory,
    OfficerUserFactory,
    RegionFactory,
    StaffUserFactory,
    SuperUserFactory,
    UserFactory,
)

pytest_plugins = ["tests.events.fixtures"]


@pytest.fixture(autouse=True)
def isolated_storage(settings, tmp_path):
    """Public media and members-only documents go to this test's own folders, never to var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **django_settings.STORAGES,
        "documents": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private", "base_url": None},
        },
    }
    return tmp_path


@pytest.fixture(autouse=True)
def clean_cache():
    """Association.load() caches the profile, the figures are kept in the pages cache: no test sees another's."""
    for each in (cache, caches["pages"]):
        each.clear()
    yield
    for each in (cache, caches["pages"]):
        each.clear()


@pytest.fixture(autouse=True)
def default_language():
    """A request leaves its language active in the thread: each test starts in the default language."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def force_login_skips_both_steps(monkeypatch):
    """`client.force_login(user)` skips signing in. Staff must also give a code from their phone (two-step
    sign-in), so for them it skips that step too, with a confirmed authenticator of theirs; the tests of two-step
    sign-in itself sign in for real, with real codes."""
    sign_in = Client.force_login

    def force_login(self, user, backend=None):
        sign_in(self, user, backend)
        if user.is_staff:
            verify_session(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)


def verify_session(client, user):
    """Mark the client's session as having passed the second step with a (confirmed) authenticator of `user`."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="authenticator", confirmed=True
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture
def demo_data(db):
    """The demo content of `make run`: profile, branches, documents and pages, then the bodies with their terms
    and leaders."""
    demo.load(lambda message: None)
    governance_demo.load(lambda message: None)


@pytest.fixture
def user(db):
    """A signed-in account with no group and no permission."""
    return UserFactory()


@pytest.fixture
def liaison_officer(db):
    """An account in the liaison officers' group with no officer record behind it."""
    return OfficerUserFactory()


@pytest.fixture
def staff_user(db):
    return StaffUserFactory()


@pytest.fixture
def superuser(db):
    return SuperUserFactory()


@pytest.fixture
def news_editor(db):
    return StaffUserFactory(groups=[NEWS_EDITORS])


@pytest.fixture
def membership_manager(db):
    return StaffUserFactory(groups=[MEMBERSHIP_MANAGERS])


@pytest.fixture
def region(db):
    return RegionFactory(name="广西壮族自治区", name_en="Guangxi")


@pytest.fixture
def category(db):
    """A news category, 联络工作 (liaison-work), under the home-page column 城市交流 (city-exchange)."""
    parent = CategoryFactory(name="城市交流", slug="city-exchange", order=1, show_on_home=True)
    return CategoryFactory(name="联络工作", slug="liaison-work", parent=parent, order=2)


@pytest.fixture
def database_down():
    """The default connection's cursor fails as it does when PostgreSQL is stopped."""
    connection = connections["default"]

    def cursor(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")

    connection.cursor = cursor
    yield
    del connection.cursor
