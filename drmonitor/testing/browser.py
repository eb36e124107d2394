"""Real-browser fixtures: Debian's chromium driven by Playwright.

Use in a conftest.py: `from drmonitor.testing.browser import browser, page  # noqa: F401`, then
mark tests `@pytest.mark.browser` and combine `page` with pytest-django's `live_server`.
A machine without chromium skips (CI, with DRM_REQUIRE_ALL=1, fails instead).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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


@pytest.fixture(scope="session")
def browser():
    """One chromium for the whole run; each test gets its own context (cookies, storage)."""
    require(CHROMIUM.exists(), f"chromium not found at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop on this thread; the ORM calls tests make
    # around it are still synchronous, so Django's async guard would refuse them.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB", timezone_id="Asia/Karachi")
    page = context.new_page()
    yield page
    context.close()
