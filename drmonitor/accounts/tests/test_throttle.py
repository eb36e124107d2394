"""Five wrong passwords for an account, or twenty for any accounts from one address, lock
signing in out, right password or not, on both forms; a completed password reset lifts an
account's lockout."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse

from drmonitor.accounts.tests.conftest import PASSWORD
from drmonitor.accounts.tests.test_password_reset import NEW_PASSWORD
from drmonitor.accounts.throttle import client_ip, describe_wait

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser(
        "editor-in-chief", email="eic@example.org", password=PASSWORD
    )


def hammer(client, url: str, username: str, attempts: int = 5) -> None:
    """Wrong passwords: the form comes back with its error until the fifth, which locks."""
    for attempt in range(1, attempts + 1):
        response = client.post(url, {"username": username, "password": "wrong-guess"})
        assert response.status_code == (429 if attempt == 5 else 200)


def test_reader_login_locks_out_after_five_failures(client, reader, settings):
    url = reverse("accounts:login")
    hammer(client, url, "amina")

    response = client.post(url, {"username": "amina", "password": PASSWORD})

    assert response.status_code == 429
    assert "Too many attempts" in response.text
    assert "an hour" in response.text
    assert "_auth_user_id" not in client.session


def test_admin_login_locks_out_after_five_failures(client, editor):
    url = "/admin/login/"
    hammer(client, url, "editor-in-chief")

    response = client.post(url, {"username": "editor-in-chief", "password": PASSWORD})

    assert response.status_code == 429
    assert "Too many attempts" in response.text
    assert client.get("/admin/").status_code == 302  # still sent to the login page


def test_four_failures_do_not_lock_and_success_resets_the_count(client, reader):
    url = reverse("accounts:login")
    hammer(client, url, "amina", attempts=4)
    assert client.post(url, {"username": "amina", "password": PASSWORD}).status_code == 302
    client.post(reverse("accounts:logout"))

    hammer(client, url, "amina", attempts=4)
    assert client.post(url, {"username": "amina", "password": PASSWORD}).status_code == 302


def test_an_account_lockout_holds_from_every_address_until_a_password_reset(
    client, reader, django_capture_on_commit_callbacks
):
    url = reverse("accounts:login")
    hammer(client, url, "amina")
    elsewhere = {"REMOTE_ADDR": "192.0.2.7"}
    assert (
        client.post(url, {"username": "amina", "password": PASSWORD}, **elsewhere).status_code
        == 429
    )

    from drmonitor.accounts.tests.test_password_reset import link_in, request_reset, set_password

    with django_capture_on_commit_callbacks(execute=True):
        request_reset(client, "amina@example.org")
        set_password(client, link_in(mail.outbox[0]))
    response = client.post(url, {"username": "amina", "password": NEW_PASSWORD}, **elsewhere)
    assert response.status_code == 302  # the way out the lockout page offers works


def test_guessing_spread_over_many_accounts_locks_the_address_only(client, reader):
    url = reverse("accounts:login")
    for number in range(19):
        response = client.post(url, {"username": f"guess{number}", "password": "x"})
        assert response.status_code == 200
    # Signing in to an account of one's own does not clear the address's count.
    assert client.post(url, {"username": "amina", "password": PASSWORD}).status_code == 302
    client.post(reverse("accounts:logout"))
    assert client.post(url, {"username": "guess-last", "password": "x"}).status_code == 429
    assert client.post(url, {"username": "amina", "password": PASSWORD}).status_code == 429
    other = client.post(url, {"username": "amina", "password": PASSWORD}, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302  # the reader, from another network, is not locked out


def test_client_address_behind_trusted_proxies(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.4"
    )
    settings.DRM_TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"
    settings.DRM_TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "198.51.100.4"  # the leftmost entry could be forged
    settings.DRM_TRUSTED_PROXY_COUNT = 3
    assert client_ip(request) == "10.0.0.2"


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(60, "a minute"), (600, "10 minutes"), (3600, "an hour"), (7200, "2 hours")],
)
def test_describe_wait(seconds, words):
    assert describe_wait(seconds) == words
