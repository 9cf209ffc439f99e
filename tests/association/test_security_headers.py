"""The headers that keep browsers safe: a strict Content-Security-Policy on every page, HSTS and HTTPS only in
production, Permissions-Policy with the camera for the check-in desk alone, and `check --deploy` clean."""

import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def production_env(**extra):
    return {
        "PATH": "/usr/bin:/bin",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "www.example.cn",
        "DATABASE_URL": "sqlite:////tmp/unused.sqlite3",
        **extra,
    }


def test_the_production_settings_pass_djangos_deployment_checklist():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout + result.stderr


def test_production_redirects_to_https_and_keeps_browsers_on_it():
    script = (
        "from django.test import Client; c = Client(); r = c.get('/robots.txt', HTTP_HOST='www.example.cn'); "
        "print(r.status_code, r['Location']); "
        "r = c.get('/robots.txt', HTTP_HOST='www.example.cn', HTTP_X_FORWARDED_PROTO='https'); "
        "print(r['Strict-Transport-Security']); print(c.get('/healthz', HTTP_HOST='www.example.cn').status_code)"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=production_env(DATABASE_URL=f"sqlite:///{ROOT / 'var' / 'portal.sqlite3'}"),
        check=False,
    )
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "301 https://www.example.cn/robots.txt", result.stderr[-2000:]
    assert lines[1] == "max-age=31536000; includeSubDomains"
    assert lines[2] in ("200", "503")  # the health check is answered over plain HTTP, never redirected


@pytest.mark.parametrize("path", ["/", "/news/", "/accounts/login/", "/en/members/"])
def test_every_page_carries_a_strict_content_security_policy(client, path):
    policy = client.get(path)["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'" and directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'" and "unsafe-inline" not in policy
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'" and directives["form-action"] == "'self'"


def test_the_policy_can_be_tried_in_report_only_mode(settings, client):
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY, settings.CONTENT_SECURITY_POLICY = (
        settings.CONTENT_SECURITY_POLICY,
        None,
    )
    response = client.get("/")
    assert "Content-Security-Policy" not in response
    assert "script-src 'self'" in response["Content-Security-Policy-Report-Only"]


def test_no_template_holds_an_inline_script_or_style():
    """Cached pages cannot carry a fresh nonce: scripts and styles live in static files."""
    offenders = []
    for template in (ROOT / "templates").rglob("*.html"):
        text = template.read_text()
        for found in ("style=", "<style", " onclick=", " onload=", " onsubmit=", " onchange=", "javascript:"):
            if found in text:
                offenders.append(f"{template.relative_to(ROOT)}: {found}")
        for script in text.split("<script")[1:]:
            opening = script.split(">", 1)[0]
            if "src=" not in opening and "application/ld+json" not in opening:
                offenders.append(f"{template.relative_to(ROOT)}: inline <script>")
    assert offenders == []


def test_browser_features_are_off_but_the_camera_of_the_check_in_desk(client, make_event, settings):
    assert "camera=()" in client.get("/")["Permissions-Policy"]
    from events.contributions import EVENT_MANAGERS
    from tests.factories import StaffUserFactory

    client.force_login(StaffUserFactory(groups=[EVENT_MANAGERS]))
    policy = client.get(f"/events/{make_event().pk}/checkin/")["Permissions-Policy"]
    assert "camera=(self)" in policy and "microphone=()" in policy
