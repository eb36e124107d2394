"""A borrowed session cannot move a staff or reader account elsewhere: changing the e-mail or
password asks for the current password, the old address hears of every change, and reset mails
are limited per account and per client."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from drmonitor.accounts.tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def editor(db):
    return User.objects.create_superuser("editor", email="editor@example.org", password=PASSWORD)


def account_form(**fields) -> dict:
    """Wagtail's account page posts every panel at once."""
    return {
        "name_email-first_name": "Sana",
        "name_email-last_name": "Iqbal",
        "locale-current_time_zone": "Asia/Karachi",
        "theme-theme": "system",
        "theme-contrast": "system",
        "theme-density": "default",
        **fields,
    }


def test_admin_email_change_without_the_current_password_is_refused(client, editor):
    client.force_login(editor)
    without = client.post("/admin/account/", account_form(**{"email-email": "thief@evil.example"}))
    wrong = client.post(
        "/admin/account/",
        account_form(**{"email-email": "thief@evil.example", "email-current_password": "guess"}),
    )

    assert without.status_code == wrong.status_code == 200
    assert "This field is required." in without.text
    assert "This is not your current password." in wrong.text
    editor.refresh_from_db()
    assert editor.email == "editor@example.org"
    assert mail.outbox == []


def test_admin_email_change_with_the_password_tells_the_old_address(
    client, editor, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/account/",
            account_form(**{"email-email": "sana@example.org", "email-current_password": PASSWORD}),
        )

    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.email == "sana@example.org"
    (notice,) = mail.outbox
    assert notice.to == ["editor@example.org"]
    assert "e-mail address" in notice.subject
    assert "/accounts/password/reset/" in notice.body


def test_admin_page_saves_other_settings_without_asking_for_the_password(client, editor):
    client.force_login(editor)
    response = client.post("/admin/account/", account_form(**{"email-email": editor.email}))

    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.first_name == "Sana" and editor.email == "editor@example.org"


def test_admin_password_change_needs_the_old_one_and_tells_the_address(
    client, editor, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    new = "another-long-passphrase-42"
    refused = client.post(
        "/admin/account/",
        account_form(**{"password-new_password1": new, "password-new_password2": new}),
    )
    assert refused.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            "/admin/account/",
            account_form(
                **{
                    "password-old_password": PASSWORD,
                    "password-new_password1": new,
                    "password-new_password2": new,
                }
            ),
        )
    assert done.status_code == 302
    (notice,) = mail.outbox
    assert notice.to == ["editor@example.org"] and "password" in notice.subject


def test_reader_email_change_tells_the_old_address(
    client, reader, django_capture_on_commit_callbacks
):
    client.force_login(reader)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("accounts:profile"),
            {"email": "amina@new.example", "current_password": PASSWORD},
        )

    (notice,) = mail.outbox
    assert notice.to == ["amina@example.org"]
    assert "amina" in notice.body


def test_reset_mails_are_limited_per_account_and_the_page_says_the_same(client, reader):
    url = reverse("accounts:password_reset")
    pages = [client.post(url, {"email": "amina@example.org"}, follow=True) for _ in range(8)]

    assert len(mail.outbox) == 3
    assert {page.status_code for page in pages} == {200}
    assert all("Check your e-mail" in page.text for page in pages)


def test_reset_mails_are_limited_per_client_over_many_accounts(client, db):
    for number in range(12):
        User.objects.create_user(f"r{number}", email=f"r{number}@example.org", password=PASSWORD)
        client.post(reverse("accounts:password_reset"), {"email": f"r{number}@example.org"})

    assert len(mail.outbox) == 10


def test_the_admin_reset_form_is_limited_too(client, editor):
    for _ in range(5):
        client.post("/admin/password_reset/", {"email": "editor@example.org"})

    assert len(mail.outbox) == 3
