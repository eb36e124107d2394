"""Browser fixtures: Debian's chromium driven by Playwright against pytest-django's live server.

Use them with `pytest_plugins = ["drmonitor.testing.browser"]` in the test module and mark the
module `pytest.mark.django_db(transaction=True, serialized_rollback=True)`: the live server needs
committed data, and serialized rollback restores what migrations made (the page tree's root, the
default locale and collection) once a test has emptied the tables.

Chromium is started per test, not per module, on purpose: Playwright's sync API keeps an event
loop running in the test thread, and a database flush made while it runs leaves the next test
without its restored data. Depending on `transactional_db` orders the browser inside the
database's lifetime, so it is closed before the flush. A launch costs well under a second.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

from drmonitor.testing.requirements import require

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def screenshot_dir() -> Path:
    """var/screenshots in the repository, where people look at what the tests saw."""
    path = Path(settings.BASE_DIR) / "var" / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def browser(transactional_db) -> Iterator:
    require(CHROMIUM.exists(), f"Debian chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the test extra installs it
        require(False, "the playwright package")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # between browser steps are still synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def site_url(live_server) -> str:
    """The live server's address; request `home` (or more content) alongside it."""
    return live_server.url


def open_page(browser, url: str, *, viewport=DESKTOP, javascript: bool = True, **context):
    """A page in a fresh browser context: no cookies, the given size, JavaScript on or off."""
    ctx = browser.new_context(viewport=viewport, java_script_enabled=javascript, **context)
    page = ctx.new_page()
    page.goto(url)
    return page


@pytest.fixture
def browser_page(browser) -> Iterator:
    """A factory for pages; their contexts are closed after the test."""
    opened = []

    def make(url: str, **kwargs):
        page = open_page(browser, url, **kwargs)
        opened.append(page.context)
        return page

    yield make
    for ctx in opened:
        ctx.close()
