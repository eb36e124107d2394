"""Two-factor sign-in: readers and staff set it up from their account page, signing in then
asks for a code after the password (a recovery code works once), wrong codes lock like wrong
passwords, and every change asks for the password and is mailed to the account's address."""

from __future__ import annotations

import base64
import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django_otp import devices_for_user
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from drmonitor.accounts import two_factor
from drmonitor.accounts.models import SecuritySettings
from drmonitor.accounts.roles import EDITORS, REPORTERS
from drmonitor.accounts.tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
User = get_user_model()
SETUP = reverse("accounts:two_factor")
CODE = reverse("accounts:two_factor_code")
LOGIN = reverse("accounts:login")


def code_for(key: bytes, device: TOTPDevice | None = None) -> str:
    """What the authenticator app shows now, or the next step's code when this step's was
    already used (a code is accepted once, and one step late or early)."""
    totp = TOTP(key)
    if device is not None:
        device.refresh_from_db()
        totp.time = max(time.time(), (device.last_t + 1) * totp.step)
    return f"{totp.token():06d}"


def enrol(user) -> tuple[TOTPDevice, list[str]]:
    device = two_factor.pending_authenticator(user)
    codes = two_factor.confirm_authenticator(device, code_for(device.bin_key))
    assert codes is not None
    return device, codes


def skip_pauses(user) -> None:
    """django-otp makes each device wait a second or more after a wrong code; a person takes
    that long to type again, a test does not."""
    for device in devices_for_user(user):
        device.throttle_reset()


def sign_in_with_password(client, username: str, url: str = LOGIN) -> None:
    response = client.post(url, {"username": username, "password": PASSWORD})
    assert response.status_code == 302


@pytest.fixture
def editor(db):
    user = User.objects.create_user("sana", email="sana@example.org", password=PASSWORD)
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def test_a_reader_sets_it_up_by_scanning_or_typing_the_key(
    client, reader, django_capture_on_commit_callbacks
):
    client.force_login(reader)
    page = client.get(SETUP)
    assert 'aria-label="QR code for your authenticator app"><svg' in page.text
    typed_key = re.search(r"data-secret>([A-Z2-7 ]+)<", page.text).group(1).replace(" ", "")
    key = base64.b32decode(typed_key + "=" * (-len(typed_key) % 8))

    wrong_password = client.post(SETUP, {"code": code_for(key), "current_password": "guess"})
    assert "This is not your current password." in wrong_password.text
    assert not two_factor.has_two_factor(reader)

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(SETUP, {"code": code_for(key), "current_password": PASSWORD})

    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done.text)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert "only time" in done.text
    assert two_factor.has_two_factor(reader)
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]
    assert "two-factor sign-in changed" in mail.outbox[0].subject
    # Shown once: coming back shows the settings, not the codes.
    again = client.get(SETUP)
    assert "10 recovery codes left" in again.text
    assert codes[0] not in again.text


def test_a_wrong_first_code_does_not_turn_it_on(client, reader):
    client.force_login(reader)
    client.get(SETUP)
    response = client.post(SETUP, {"code": "000000", "current_password": PASSWORD})
    assert "not the one the app shows" in response.text
    assert not two_factor.has_two_factor(reader)


def test_reader_sign_in_asks_for_the_code_after_the_password(client, reader):
    device, _ = enrol(reader)
    sign_in_with_password(client, "amina")

    # The password alone reaches nothing personal: every page leads to the code.
    profile = client.get(reverse("accounts:profile"))
    assert profile.status_code == 302
    assert profile["Location"] == f"{CODE}?next=%2Faccounts%2Fprofile%2F"
    assert client.get(SETUP)["Location"].startswith(CODE)

    wrong = client.post(CODE, {"code": "123456", "next": "/accounts/profile/"})
    assert "That code is not right" in wrong.text
    skip_pauses(reader)

    right = client.post(
        CODE, {"code": code_for(device.bin_key, device), "next": "/accounts/profile/"}
    )
    assert right["Location"] == "/accounts/profile/"
    assert "Your profile" in client.get("/accounts/profile/").text


def test_admin_sign_in_asks_for_the_code_too(client, editor):
    device, _ = enrol(editor)
    sign_in_with_password(client, "sana", url="/admin/login/")

    admin = client.get("/admin/")
    assert admin.status_code == 302
    assert admin["Location"] == f"{CODE}?next=%2Fadmin%2F"

    client.post(CODE, {"code": code_for(device.bin_key, device), "next": "/admin/"})
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_signs_in_once(client, reader):
    _, codes = enrol(reader)
    sign_in_with_password(client, "amina")
    first = client.post(CODE, {"code": codes[0].upper(), "next": "/accounts/profile/"})
    assert first["Location"] == "/accounts/profile/"
    assert "9 left" in client.get("/accounts/profile/").text

    client.post(reverse("accounts:logout"))
    sign_in_with_password(client, "amina")
    reused = client.post(CODE, {"code": codes[0]})
    assert "That code is not right, or was already used." in reused.text
    assert client.get("/accounts/profile/").status_code == 302


def test_wrong_codes_lock_the_account_and_signing_in_again_does_not_reset_them(client, reader):
    device, _ = enrol(reader)
    sign_in_with_password(client, "amina")
    for _ in range(3):
        assert client.post(CODE, {"code": "000000"}).status_code == 200
    # A right password again must not wipe the count of wrong codes.
    client.post(reverse("accounts:logout"))
    sign_in_with_password(client, "amina")
    assert client.post(CODE, {"code": "000000"}).status_code == 200
    assert client.post(CODE, {"code": "000000"}).status_code == 429

    skip_pauses(reader)
    locked = client.post(CODE, {"code": code_for(device.bin_key, device)})
    assert locked.status_code == 429
    assert "Too many attempts" in locked.text
    assert client.get("/accounts/profile/").status_code == 302
    client.post(reverse("accounts:logout"))
    assert client.post(LOGIN, {"username": "amina", "password": PASSWORD}).status_code == 429


@pytest.fixture
def signed_in_with_two_factor(client, reader):
    device, codes = enrol(reader)
    sign_in_with_password(client, "amina")
    client.post(CODE, {"code": code_for(device.bin_key, device)})
    mail.outbox.clear()
    return codes


def test_turning_it_off_needs_the_password_and_tells_the_address(
    client, reader, signed_in_with_two_factor, django_capture_on_commit_callbacks
):
    refused = client.post(SETUP, {"action": "turn_off", "turn_off-current_password": "guess"})
    assert "This is not your current password." in refused.text
    assert two_factor.has_two_factor(reader)
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        client.post(SETUP, {"action": "turn_off", "turn_off-current_password": PASSWORD})

    assert not two_factor.has_two_factor(reader)
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]
    assert "two-factor sign-in changed" in mail.outbox[0].subject


def test_new_recovery_codes_replace_the_old_ones(
    client, reader, signed_in_with_two_factor, django_capture_on_commit_callbacks
):
    old_codes = signed_in_with_two_factor
    refused = client.post(SETUP, {"action": "new_codes", "new_codes-current_password": "guess"})
    assert "This is not your current password." in refused.text

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            SETUP, {"action": "new_codes", "new_codes-current_password": PASSWORD}
        )

    new_codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.text)
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    assert "two-factor recovery codes changed" in mail.outbox[0].subject
    client.post(reverse("accounts:logout"))
    sign_in_with_password(client, "amina")
    assert "not right" in client.post(CODE, {"code": old_codes[1]}).text
    skip_pauses(reader)
    assert client.post(CODE, {"code": new_codes[1]}).status_code == 302


def test_the_site_setting_sends_editors_without_it_to_set_it_up(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200

    SecuritySettings.objects.update_or_create(defaults={"require_two_factor_for_staff": True})
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{SETUP}?next=%2Fadmin%2Fpages%2F"
    assert "Set up two-factor sign-in" in client.get(response["Location"]).text

    enrol(editor)
    device = TOTPDevice.objects.get(user=editor)
    client.post(reverse("accounts:logout"))
    sign_in_with_password(client, "sana", url="/admin/login/")
    client.post(CODE, {"code": code_for(device.bin_key, device)})
    assert client.get("/admin/pages/").status_code == 200


def test_the_setting_leaves_reporters_free_to_choose(client):
    reporter = User.objects.create_user("ali", password=PASSWORD)
    reporter.groups.add(Group.objects.get(name=REPORTERS))
    SecuritySettings.objects.update_or_create(defaults={"require_two_factor_for_staff": True})
    client.force_login(reporter)
    assert client.get("/admin/").status_code == 200


def test_the_staff_account_page_links_to_it(client, editor):
    client.force_login(editor)
    assert SETUP in client.get("/admin/account/").text


def test_administrators_find_the_setting_under_settings(client):
    admin = User.objects.create_superuser("root", password=PASSWORD)
    device, _ = enrol(admin)
    client.force_login(admin)
    client.post(CODE, {"code": code_for(device.bin_key, device)})
    page = client.get("/admin/settings/accounts/securitysettings/", follow=True)
    assert "Require two-factor sign-in for editors and administrators" in page.text
