"""Playwright driving Debian's Chromium against pytest-django's live server, with the demo content loaded.

Skipped, with the reason, where Chromium or the playwright package is missing. Never runs
`playwright install`: the browser is the system's /usr/bin/chromium.
"""

import io
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from core.groups import GROUP_PERMISSIONS, _codenames

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
            yield browser
            browser.close()


def restore_staff_groups():
    """A transactional test ends by emptying every table, the staff groups of the data migration too."""
    for name, per_app in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, per_model in per_app.items():
            codenames = [codename for model, actions in per_model.items() for codename in _codenames(model, actions)]
            group.permissions.add(
                *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
            )


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
