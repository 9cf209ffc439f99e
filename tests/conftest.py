"""Fixtures shared by every app's tests: isolated file storage, a clean cache, users and demo content."""

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import translation

from association import demo
from core.groups import LIAISON_OFFICERS, MEMBERSHIP_MANAGERS, NEWS_EDITORS
from tests.factories import StaffUserFactory, SuperUserFactory, UserFactory


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
    """Association.load() caches the profile: no test sees another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """A request leaves its language active in the thread: each test starts in the default language."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def demo_data(db):
    """The demo content of `make run`: profile, leaders, branches, documents and pages."""
    demo.load(lambda message: None)


def _member_of(group_name, **kwargs):
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def user(db):
    """A signed-in account with no group and no permission."""
    return UserFactory()


@pytest.fixture
def liaison_officer(db):
    return _member_of(LIAISON_OFFICERS)


@pytest.fixture
def staff_user(db):
    return StaffUserFactory()


@pytest.fixture
def superuser(db):
    return SuperUserFactory()


@pytest.fixture
def news_editor(db):
    return _member_of(NEWS_EDITORS, is_staff=True)


@pytest.fixture
def membership_manager(db):
    return _member_of(MEMBERSHIP_MANAGERS, is_staff=True)
