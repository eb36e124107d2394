"""Forgotten password, end to end: request, e-mail, the link works once, and it expires."""

from __future__ import annotations

import re
import time

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from drmonitor.accounts.tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a-fresh-passphrase-for-amina-3"


def request_reset(client, email: str):
    return client.post(reverse("accounts:password_reset"), {"email": email}, follow=True)


def link_in(message) -> str:
    match = re.search(r"https?://testserver(/accounts/password/reset/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def set_password(client, link: str, password: str = NEW_PASSWORD):
    """Open the e-mailed link and choose a new password, as the reader's browser would."""
    page = client.get(link, follow=True)
    return page, client.post(
        page.request["PATH_INFO"],
        {"new_password1": password, "new_password2": password},
        follow=True,
    )


def test_the_emailed_link_resets_the_password_once(client, reader):
    response = request_reset(client, "Amina@Example.org")  # any letter case finds the account

    assert "Check your e-mail" in response.text
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["amina@example.org"]
    assert "Choose a new password" in message.subject
    assert "expires after 24 hours" in message.body
    link = link_in(message)

    page, done = set_password(client, link)
    assert "Choose a new password" in page.text
    assert "Your password is changed" in done.text
    reader.refresh_from_db()
    assert reader.check_password(NEW_PASSWORD) and not reader.check_password(PASSWORD)

    # The same link a second time: refused, and the password stays as set.
    again = client.get(link, follow=True)
    assert "This link no longer works" in again.text
    assert "new_password1" not in again.text
    login = client.post(reverse("accounts:login"), {"username": "amina", "password": NEW_PASSWORD})
    assert login.status_code == 302


def test_the_emailed_link_expires(client, reader, settings):
    request_reset(client, "amina@example.org")
    link = link_in(mail.outbox[0])
    issued = int(time.time())

    # Shorten the lifetime to zero seconds; once the clock has moved past the second the link
    # was made in, it is older than its lifetime (waits under a second).
    settings.PASSWORD_RESET_TIMEOUT = 0
    while int(time.time()) == issued:
        time.sleep(0.05)

    page, done = set_password(client, link)
    assert "This link no longer works" in page.text
    reader.refresh_from_db()
    assert reader.check_password(PASSWORD)


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, reader):
    response = request_reset(client, "nobody@example.org")

    assert "Check your e-mail" in response.text  # nothing tells who has an account
    assert mail.outbox == []


def test_a_forged_token_is_refused(client, reader):
    uid = urlsafe_base64_encode(force_bytes(reader.pk))
    link = reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": "abc-123"})
    assert "This link no longer works" in client.get(link, follow=True).text
