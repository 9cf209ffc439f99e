"""Playwright driving Debian's Chromium against pytest-django's live server, with the demo content loaded.

Skipped, with the reason, where Chromium or the playwright package is missing. Never runs
`playwright install`: the browser is the system's /usr/bin/chromium.
"""

import base64
import io
import re
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from core.groups import _codenames, group_permissions

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}: install Debian's chromium package")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        pytest.skip(f"The playwright package cannot be imported ({error}): pip install -r requirements-dev.txt")
    # Playwright's sync API keeps an asyncio loop on this thread; Django refuses database access
    # from a thread with a running loop unless told the code is synchronous, which it is.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield WatchedBrowser(browser)
            browser.close()


# Every page of every journey reports what the Content-Security-Policy blocked, as a console error.
REPORT_CSP_VIOLATIONS = (
    'document.addEventListener("securitypolicyviolation", (event) => console.error(\n'
    '  `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} '
    "at ${event.sourceFile}:${event.lineNumber}`));"
)
CSP_VIOLATIONS = []


class WatchedBrowser:
    """The browser, whose every context collects the CSP violations of its pages (the journeys fail on any)."""

    def __init__(self, browser):
        self._browser = browser

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        context.on("console", _record_csp_violation)
        return context

    def __getattr__(self, name):
        return getattr(self._browser, name)


def _record_csp_violation(message):
    if message.type == "error" and ("CSP violation" in message.text or "Content Security Policy" in message.text):
        CSP_VIOLATIONS.append(f"{message.text} ({message.location.get('url')})")


@pytest.fixture(autouse=True)
def no_csp_violations():
    CSP_VIOLATIONS.clear()
    yield
    assert CSP_VIOLATIONS == [], "the Content-Security-Policy blocked:\n" + "\n".join(CSP_VIOLATIONS)


def restore_staff_groups():
    """A transactional test ends by emptying every table, the staff groups of the data migration too."""
    for name, per_app in group_permissions().items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, per_model in per_app.items():
            codenames = [codename for model, actions in per_model.items() for codename in _codenames(model, actions)]
            group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))


@pytest.fixture
def site(transactional_db, live_server):
    """The live server's base URL, with the staff groups and the demo content in its database."""
    restore_staff_groups()
    call_command("load_demo_data", stdout=io.StringIO())
    return live_server.url


def _page(browser, viewport):
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return context, page, errors


@pytest.fixture
def page(browser, site):
    """A desktop-sized page; fails the test if a script on the site threw an error."""
    context, page, errors = _page(browser, DESKTOP)
    yield page
    context.close()
    assert errors == []


@pytest.fixture
def phone_page(browser, site):
    context, page, errors = _page(browser, PHONE)
    yield page
    context.close()
    assert errors == []


def authenticator_code(key_text, steps_ahead=0):
    """What an authenticator app shows for the key the setup page prints (base32, in groups of four)."""
    from django_otp.oath import TOTP

    totp = TOTP(base64.b32decode(key_text.replace(" ", "")))
    totp.time = time.time() + steps_ahead * totp.step
    return f"{totp.token():06d}"


def sign_in_to_the_back_office(page, site, username, password):
    """A staff member's first sign-in, as a person does it: the password at /admin/login/, then setting up an
    authenticator from the key on the page and typing the code it shows, then past the backup codes. Returns the
    key, which the phone would now hold."""
    from playwright.sync_api import expect

    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("input[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/accounts/two-step/setup/"))
    key = page.locator(".secret-key").inner_text()
    page.fill("#id_code", authenticator_code(key))
    page.locator("form.stacked-form button[type=submit]").click()
    expect(page.locator(".backup-codes li")).to_have_count(10)
    page.locator("a.button--primary").click()
    expect(page).to_have_url(f"{site}/admin/")
    return key


def signed_in(browser, site, user, viewport, *, password=None):
    """A new browser context and page for `user`, signed in as a person does: staff at /admin/login/ with the code of
    an authenticator already set up, anyone else at /accounts/login/ with the password alone. The user's password
    becomes the factories' PASSWORD unless one is given."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.factories import PASSWORD

    if password is None:
        password = PASSWORD
        user.set_password(password)
        user.save()
    phone = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True) if user.is_staff else None
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(f"{site}/admin/login/" if phone else f"{site}/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", password)
    page.locator("form.stacked-form button[type=submit], input[type=submit]").first.click()
    if phone is not None:
        page.fill("#id_code", authenticator_code(base64.b32encode(phone.bin_key).decode()))
        page.locator("form.stacked-form button[type=submit]").click()
    return context, page


def choose_in_autocomplete(page, field_id, text):
    """Pick `text` in one of the admin's searching selects (autocomplete_fields): open it, type, click the match."""
    from playwright.sync_api import expect

    page.locator(f"#{field_id} ~ .select2 .select2-selection").click()
    page.keyboard.type(text)
    page.locator(".select2-results__option:not(.loading-results)", has_text=text).first.click()
    expect(page.locator(f"#{field_id} ~ .select2")).to_contain_text(text)
