"""Guessing passwords: five wrong ones for a user name from one address lock that pair out for a quarter of an
hour (django-axes), before any password is hashed; staff see and lift lock-outs; the address behind a proxy is
believed only for as many proxies as are trusted; password-reset e-mails are limited too."""

import datetime
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.utils import timezone

from core.models import OutgoingEmail
from members.auth import PortalBackend
from members.contributions import MEMBERSHIP_MANAGERS
from tests.factories import PASSWORD, LiaisonOfficerFactory, StaffUserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


@pytest.fixture
def officer():
    return LiaisonOfficerFactory(user__username="linhaibo", email="linhaibo@example.cn")


def sign_in(client, username="linhaibo", password=PASSWORD, prefix="", **headers):
    return client.post(f"{prefix}{LOGIN}", {"username": username, "password": password}, headers=headers)


def guess(client, times, username="linhaibo", **headers):
    return [sign_in(client, username, "wrong password", **headers).status_code for _ in range(times)]


def test_five_wrong_passwords_lock_the_account_for_that_address_even_against_the_right_password(client, officer):
    assert guess(client, 4) == [200] * 4  # the form again, with its error
    locking = sign_in(client, password="wrong password")
    assert locking.status_code == 429

    right = sign_in(client)
    assert right.status_code == 429 and SESSION_KEY not in client.session
    assert "15" in right.content.decode() and "密码" in right.content.decode()


def test_a_locked_out_attempt_hashes_no_password(client, officer):
    guess(client, 5)
    with (
        mock.patch.object(PortalBackend, "authenticate", autospec=True) as backend,
        mock.patch("django.contrib.auth.hashers.check_password") as check,
    ):
        assert sign_in(client).status_code == 429
    backend.assert_not_called()
    check.assert_not_called()


@pytest.mark.parametrize(
    "prefix, expected",
    [
        ("", "登录已暂时锁定"),
        ("/zh-hant", "登錄已暫時鎖定"),
        ("/en", "Sign-in locked for a while"),
    ],
)
def test_the_lock_out_is_explained_in_every_language(client, officer, prefix, expected):
    for _ in range(5):
        sign_in(client, password="wrong password", prefix=prefix)
    response = sign_in(client, prefix=prefix)
    assert response.status_code == 429 and expected in response.content.decode()


def test_the_lock_is_for_that_user_name_from_that_address_only(client, officer):
    other = LiaisonOfficerFactory(user__username="wangli")
    guess(client, 5)
    assert sign_in(client, "wangli").status_code == 302  # another account from the same office network
    client.logout()
    response = client.post(LOGIN, {"username": "linhaibo", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 302  # the officer on another network is not locked out
    assert client.session[SESSION_KEY] == str(officer.user.pk) != str(other.user.pk)


def test_the_lock_ends_after_a_quarter_of_an_hour(client, officer):
    guess(client, 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    assert sign_in(client).status_code == 302


def test_staff_see_lock_outs_and_lift_them(client, officer):
    guess(client, 5)
    manager = StaffUserFactory(groups=[MEMBERSHIP_MANAGERS])
    client.force_login(manager)
    listing = client.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200 and "linhaibo" in listing.content.decode()
    attempt = AccessAttempt.objects.get(username="linhaibo")
    response = client.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not AccessAttempt.objects.exists()
    client.logout()
    assert sign_in(client).status_code == 302


def test_staff_signing_in_to_the_back_office_are_locked_out_too(client):
    StaffUserFactory(username="mishuchu", is_superuser=True)
    for _ in range(5):
        client.post("/admin/login/", {"username": "mishuchu", "password": "wrong", "next": "/admin/"})
    response = client.post("/admin/login/", {"username": "mishuchu", "password": PASSWORD, "next": "/admin/"})
    assert response.status_code == 429 and SESSION_KEY not in client.session


def test_a_forwarded_address_is_not_believed_without_a_trusted_proxy(client, officer, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for n in range(5):
        sign_in(client, password="wrong password", X_Forwarded_For=f"203.0.113.{n}")  # a new "address" each time
    assert sign_in(client, X_Forwarded_For="203.0.113.99").status_code == 429


def test_behind_one_trusted_proxy_its_address_for_the_client_counts(client, officer, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(5):  # what the client claims comes first; what nginx saw comes last
        sign_in(client, password="wrong password", X_Forwarded_For="198.51.100.1, 203.0.113.7")
    assert sign_in(client, X_Forwarded_For="203.0.113.7").status_code == 429
    assert sign_in(client, X_Forwarded_For="203.0.113.7, 203.0.113.8").status_code == 302  # another reader
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"


def test_password_reset_requests_are_limited_per_address_and_per_e_mail(client, officer, settings):
    settings.PASSWORD_RESET_LIMIT = 3
    answers = [client.post("/accounts/password/reset/", {"email": "linhaibo@example.cn"}).status_code for _ in range(4)]
    assert answers == [302, 302, 302, 429]
    assert OutgoingEmail.objects.filter(kind="password_reset").count() == 3
    refused = client.post("/accounts/password/reset/", {"email": "someone-else@example.cn"})
    assert refused.status_code == 429 and "一刻钟" in refused.content.decode()


@pytest.mark.parametrize("path", [LOGIN, "/admin/login/"])
@pytest.mark.parametrize(("username", "password"), [("林" * 256, "x"), ("a" * 151, "x"), ("linhaibo", "p" * 5000)])
def test_an_over_long_name_or_password_is_refused_before_anything_is_looked_up_or_recorded(
    client, officer, path, username, password
):
    with mock.patch.object(PortalBackend, "authenticate", autospec=True) as authenticate:
        response = client.post(path, {"username": username, "password": password, "next": "/admin/"})

    assert response.status_code == 200 and SESSION_KEY not in client.session
    assert "不超过" in response.content.decode()  # "Ensure this value has at most … characters", in Chinese
    authenticate.assert_not_called()
    assert not AccessAttempt.objects.exists()


def test_without_redis_the_reset_limit_is_counted_in_the_database_so_every_process_agrees(client, officer, settings):
    from django.core.cache import cache

    from core.models import ThrottleCounter

    settings.PASSWORD_RESET_LIMIT = 3
    answers = []
    for _ in range(4):
        answers.append(client.post("/accounts/password/reset/", {"email": "linhaibo@example.cn"}).status_code)
        cache.clear()  # as if each request went to another gunicorn worker, with its own memory

    assert answers == [302, 302, 302, 429]
    assert ThrottleCounter.objects.filter(count=4).count() == 2  # the address and the e-mail address, each counted
