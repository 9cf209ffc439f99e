"""The security log: lock-outs, wrong two-step codes, refused requests, exports of personal data and content-scan
findings are recorded for staff to read (and only to read); /.well-known/security.txt says whom to tell."""

import datetime

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.models import ExportLog, SecurityEvent
from core.web.security import forget_old_events
from members.contributions import MEMBERSHIP_MANAGERS
from tests.factories import PASSWORD, LiaisonOfficerFactory, StaffUserFactory

pytestmark = pytest.mark.django_db


def kinds():
    return list(SecurityEvent.objects.values_list("kind", flat=True))


def test_a_lock_out_is_recorded_with_the_user_name_and_address(client):
    LiaisonOfficerFactory(user__username="linhaibo")
    for _ in range(5):
        client.post("/accounts/login/", {"username": "linhaibo", "password": "wrong"}, REMOTE_ADDR="203.0.113.5")
    for _ in range(3):  # refused while the lock lasts: the same lock-out, not three more
        client.post("/accounts/login/", {"username": "linhaibo", "password": "wrong"}, REMOTE_ADDR="203.0.113.5")
    event = SecurityEvent.objects.get(kind="lockout")
    assert (event.username, event.ip_address, event.path) == ("linhaibo", "203.0.113.5", "/accounts/login/")


def test_a_wrong_two_step_code_is_recorded(client):
    staff = StaffUserFactory(username="mishuchu")
    TOTPDevice.objects.create(user=staff, name="authenticator", confirmed=True)
    client.post("/accounts/login/", {"username": "mishuchu", "password": PASSWORD})
    client.post("/accounts/two-step/", {"code": "000000"})
    assert kinds() == ["two-step-failed"] and SecurityEvent.objects.get().user == staff


def test_a_refused_request_is_recorded(client):
    officer = LiaisonOfficerFactory()
    client.force_login(officer.user)
    assert client.get("/admin/").status_code in (302, 403)
    client.force_login(StaffUserFactory(username="bianji"))
    assert client.get("/admin/members/liaisonofficer/").status_code == 403
    event = SecurityEvent.objects.get(kind="refused")
    assert event.username == "bianji" and event.path == "/admin/members/liaisonofficer/"


def test_an_export_of_personal_data_is_recorded():
    ExportLog.objects.create(user=StaffUserFactory(username="meetings"), what="代表名单", row_count=12)
    event = SecurityEvent.objects.get(kind="export")
    assert event.username == "meetings" and "代表名单" in event.detail


def test_staff_read_the_log_but_cannot_change_it(client):
    SecurityEvent.objects.create(kind="lockout", username="linhaibo")
    client.force_login(StaffUserFactory(groups=[MEMBERSHIP_MANAGERS]))
    assert "linhaibo" in client.get("/admin/core/securityevent/").content.decode()
    event = SecurityEvent.objects.get()
    assert client.post(f"/admin/core/securityevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.get("/admin/core/securityevent/add/").status_code == 403


def test_old_events_are_forgotten(settings):
    settings.SECURITY_LOG_KEEP_DAYS = 30
    SecurityEvent.objects.create(kind="refused", at=timezone.now() - datetime.timedelta(days=31))
    SecurityEvent.objects.create(kind="refused")
    assert forget_old_events() == 1 and SecurityEvent.objects.count() == 1


def test_security_txt_says_whom_to_tell(client, settings):
    settings.SECURITY_CONTACT = "security@gxmayors.example.cn"
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"] == "mailto:security@gxmayors.example.cn"
    expires = datetime.datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
    assert timezone.now() < expires < timezone.now() + datetime.timedelta(days=366)
    assert fields["Canonical"].endswith("/.well-known/security.txt")
