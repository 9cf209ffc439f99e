"""Two-step sign-in (django-otp), with real TOTP codes computed from the authenticator's key: every staff account
needs it for the back office, set up at its first sign-in with a QR code and backup codes; a superuser resets it;
liaison officers may turn it on for their desk."""

import time

import pytest
from django.contrib.auth.models import Permission
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD, LiaisonOfficerFactory, StaffUserFactory, SuperUserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
TWO_STEP = "/accounts/two-step/"
SETUP = "/accounts/two-step/setup/"


def code_for(device, steps_ahead=0):
    """The code an authenticator app shows for `device` now (or that many 30-second steps later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def sign_in(client, username, password=PASSWORD, next_url=""):
    return client.post(LOGIN, {"username": username, "password": password, "next": next_url})


def set_up_authenticator(client, username):
    """First sign-in of a staff member: password, then an authenticator set up with the code it shows."""
    sign_in(client, username)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user__username=username, confirmed=False)
    response = client.post(SETUP, {"code": code_for(device), "next": "/admin/"})
    assert response.status_code == 200, response.content.decode()[-2000:]
    return TOTPDevice.objects.get(pk=device.pk), response


@pytest.fixture
def staff():
    return StaffUserFactory(username="mishuchu", is_superuser=True)


def test_a_password_alone_does_not_open_the_back_office(client, staff):
    response = sign_in(client, "mishuchu")
    assert response.status_code == 302
    assert client.get("/admin/")["Location"] == f"{TWO_STEP}?next=%2Fadmin%2F"
    assert client.get("/admin/news/article/").status_code == 302
    assert client.get(f"{TWO_STEP}?next=/admin/")["Location"] == f"{SETUP}?next=%2Fadmin%2F"  # none set up yet


def test_staff_set_up_an_authenticator_with_a_qr_code_and_receive_backup_codes(client, staff):
    sign_in(client, "mishuchu")
    page = client.get(f"{SETUP}?next=/admin/").content.decode()
    assert "<svg" in page and "otpauth" not in page  # the secret is in the QR code and the key, not in a link
    device = TOTPDevice.objects.get(user=staff)
    assert not device.confirmed and device.config_url.startswith("otpauth://totp/")

    wrong = client.post(SETUP, {"code": "000000", "next": "/admin/"})
    assert wrong.status_code == 400 and "code" in wrong.context["form"].errors
    assert client.get("/admin/").status_code == 302
    time.sleep(1.1)  # after a wrong code django-otp accepts the next one only a second later

    device, response = set_up_authenticator(client, "mishuchu")
    assert device.confirmed
    codes = response.context["codes"]
    assert len(codes) == 10 and len(set(codes)) == 10 and all(code in response.content.decode() for code in codes)
    assert client.get("/admin/").status_code == 200


def test_at_the_next_sign_in_the_code_from_the_phone_opens_the_back_office(client, staff):
    device, _response = set_up_authenticator(client, "mishuchu")
    client.logout()

    sign_in(client, "mishuchu", next_url="/admin/")
    assert client.get("/admin/").status_code == 302
    refused = client.post(TWO_STEP, {"code": "123456", "next": "/admin/"})
    assert refused.status_code == 400 and "这个验证码不对" in refused.content.decode()
    time.sleep(1.1)  # django-otp accepts the next code a second after a wrong one
    accepted = client.post(TWO_STEP, {"code": code_for(device, steps_ahead=1), "next": "/admin/"})
    assert accepted.status_code == 302 and accepted["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_code_works_once(client, staff):
    device, _response = set_up_authenticator(client, "mishuchu")
    code = code_for(device, steps_ahead=1)
    for expected in (302, 400):
        client.logout()
        sign_in(client, "mishuchu")
        assert client.post(TWO_STEP, {"code": code, "next": "/admin/"}).status_code == expected


def test_a_backup_code_opens_the_back_office_once(client, staff):
    _device, response = set_up_authenticator(client, "mishuchu")
    backup = response.context["codes"][0]
    for expected in (302, 400):
        client.logout()
        sign_in(client, "mishuchu")
        assert client.post(TWO_STEP, {"code": backup.upper(), "next": "/admin/"}).status_code == expected
    assert StaticToken.objects.filter(device__user=staff).count() == 9


def test_guessing_codes_is_slowed_down_until_even_the_right_one_waits(client, staff):
    device, _response = set_up_authenticator(client, "mishuchu")
    client.logout()
    sign_in(client, "mishuchu")
    for _ in range(3):
        client.post(TWO_STEP, {"code": "000000"})
    assert client.post(TWO_STEP, {"code": code_for(device, steps_ahead=1)}).status_code == 400


def test_the_next_address_must_be_on_this_site(client, staff):
    device, _response = set_up_authenticator(client, "mishuchu")
    client.logout()
    sign_in(client, "mishuchu")
    response = client.post(TWO_STEP, {"code": code_for(device, steps_ahead=1), "next": "https://evil.example/admin/"})
    assert response["Location"] == "/admin/"


def test_a_superuser_resets_the_two_step_sign_in_of_a_staff_member_who_lost_their_phone(client):
    editor = StaffUserFactory(username="bianji")
    TOTPDevice.objects.create(user=editor, name="authenticator", confirmed=True)
    client.force_login(SuperUserFactory())
    response = client.post("/admin/auth/user/", {"action": "reset_two_step", "_selected_action": [editor.pk]})
    assert response.status_code == 302 and not TOTPDevice.objects.filter(user=editor).exists()

    client.logout()
    sign_in(client, "bianji")
    assert client.get(f"{TWO_STEP}?next=/admin/")["Location"] == f"{SETUP}?next=%2Fadmin%2F"


def test_only_superusers_may_reset_it(client):
    editor = StaffUserFactory(username="bianji")
    manager = StaffUserFactory(username="manager")
    manager.user_permissions.add(*Permission.objects.filter(codename__in=["view_user", "change_user"]))
    TOTPDevice.objects.create(user=editor, name="authenticator", confirmed=True)
    client.force_login(manager)
    page = client.get("/admin/auth/user/")
    assert page.status_code == 200 and "reset_two_step" not in page.content.decode()
    client.post("/admin/auth/user/", {"action": "reset_two_step", "_selected_action": [editor.pk]})
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


@pytest.fixture
def officer():
    return LiaisonOfficerFactory(user__username="linhaibo")


def test_officers_sign_in_with_their_password_alone_until_they_turn_two_step_on(client, officer):
    sign_in(client, "linhaibo")
    assert client.get("/portal/").status_code == 200
    assert "开启两步登录" in client.get("/portal/").content.decode()

    client.get(SETUP)
    device = TOTPDevice.objects.get(user=officer.user)
    assert client.post(SETUP, {"code": code_for(device)}).status_code == 200
    client.logout()

    sign_in(client, "linhaibo")
    assert client.get("/").status_code == 200  # public pages need nothing more
    assert client.get("/portal/")["Location"] == f"{TWO_STEP}?next=%2Fportal%2F"
    assert client.post(TWO_STEP, {"code": code_for(device, steps_ahead=1)})["Location"] == "/portal/"
    assert client.get("/portal/").status_code == 200


def test_officers_may_turn_it_off_and_staff_may_not(client, officer, staff):
    sign_in(client, "linhaibo")
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=officer.user)
    client.post(SETUP, {"code": code_for(device)})
    assert client.post("/accounts/two-step/turn-off/").status_code == 302
    assert not TOTPDevice.objects.filter(user=officer.user).exists()

    client.logout()
    set_up_authenticator(client, "mishuchu")
    assert client.post("/accounts/two-step/turn-off/").status_code == 403
    assert TOTPDevice.objects.filter(user=staff, confirmed=True).exists()
