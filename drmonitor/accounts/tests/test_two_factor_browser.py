"""In chromium: a reader turns on two-factor sign-in by typing the key into an "app" (the test
computes its codes), keeps the recovery codes, and signs in again with password and code, all
under the site's Content-Security-Policy."""

from __future__ import annotations

import base64

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import TOTP
from playwright.sync_api import expect

from drmonitor.accounts.tests.conftest import PASSWORD
from drmonitor.testing.browser import screenshot_dir

pytest_plugins = ["drmonitor.testing.browser", "drmonitor.testing.csp"]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def app_code(key: bytes, later_steps: int = 0) -> str:
    """What an authenticator app shows; one step on for a second sign-in in the same 30 s."""
    totp = TOTP(key)
    totp.time = totp.time + later_steps * totp.step
    return f"{totp.token():06d}"


def log_in(page, base: str) -> None:
    page.goto(base + "/accounts/login/")
    page.get_by_label("Username").fill("amina")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_a_reader_turns_it_on_and_signs_in_with_a_code(live_server, home, watched_page):
    get_user_model().objects.create_user("amina", email="amina@example.org", password=PASSWORD)
    page, violations = watched_page
    base = live_server.url
    log_in(page, base)
    page.goto(base + "/accounts/profile/")
    page.get_by_role("link", name="Set up two-factor sign-in").click()

    qr = page.get_by_role("img", name="QR code for your authenticator app")
    expect(qr).to_be_visible()
    assert qr.bounding_box()["width"] >= 150  # big enough for a phone's camera
    typed = page.locator("[data-secret]").inner_text().replace(" ", "")
    key = base64.b32decode(typed + "=" * (-len(typed) % 8))
    page.get_by_label("Code from the app").fill(app_code(key))
    page.get_by_label("Current password").fill(PASSWORD)
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(page.locator("[data-recovery-codes] li")).to_have_count(10)
    page.screenshot(path=str(screenshot_dir() / "two-factor-codes.png"), full_page=True)

    page.goto(base + "/accounts/profile/")
    page.locator("#main").get_by_role("button", name="Log out").click()
    log_in(page, base)
    page.get_by_role("heading", name="Enter your sign-in code").wait_for()
    page.get_by_label("Code").fill(app_code(key, later_steps=1))
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(base + "/")
    page.goto(base + "/accounts/profile/")

    expect(page.get_by_text("On: signing in asks for a code")).to_be_visible()
    assert violations == []
