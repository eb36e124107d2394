"""The profile page: change e-mail (with the current password) and password."""

from __future__ import annotations

import pytest
from django.urls import reverse

from drmonitor.accounts.profile import _panels, register_profile_panel
from drmonitor.accounts.tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_change_email_needs_the_current_password(client, reader):
    client.force_login(reader)
    url = reverse("accounts:profile")

    response = client.post(url, {"email": "new@example.org", "current_password": "wrong"})
    assert "This is not your current password." in response.text
    reader.refresh_from_db()
    assert reader.email == "amina@example.org"

    response = client.post(url, {"email": "new@example.org", "current_password": PASSWORD})
    assert response.status_code == 302
    reader.refresh_from_db()
    assert reader.email == "new@example.org"
    assert "Your e-mail address is changed." in client.get(url).text


def test_change_email_refuses_another_accounts_address(client, reader, django_user_model):
    django_user_model.objects.create_user("other", email="other@example.org", password="x")
    client.force_login(reader)

    response = client.post(
        reverse("accounts:profile"), {"email": "Other@example.org", "current_password": PASSWORD}
    )
    assert "Another account already uses" in response.text


def test_change_password(client, reader):
    client.force_login(reader)
    new = "another-long-passphrase-9"
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    reader.refresh_from_db()
    assert reader.check_password(new)
    # The reader stays logged in after changing the password.
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_other_parts_add_panels_to_the_profile(client, reader, settings, tmp_path):
    (tmp_path / "panel.html").write_text("<section>Things I follow: {{ user.username }}</section>")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]
    register_profile_panel("panel.html")
    try:
        client.force_login(reader)
        assert "Things I follow: amina" in client.get(reverse("accounts:profile")).text
    finally:
        _panels.remove("panel.html")
