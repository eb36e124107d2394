"""An administrator resets the two-factor sign-in of someone who lost their phone: after a
confirmation page, the devices are gone, the person is told by mail and signs in with the
password, the reset is in their admin history with who did it, and an editor may not do it."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user
from wagtail.models import ModelLogEntry

from drmonitor.accounts import two_factor
from drmonitor.accounts.models import SecuritySettings
from drmonitor.accounts.roles import EDITORS
from drmonitor.accounts.tests.conftest import PASSWORD
from drmonitor.accounts.tests.test_two_factor import SETUP, enrol, sign_in_with_password
from drmonitor.accounts.two_factor_reset import RESET_ACTION, reset_url

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def administrator(db):
    user = User.objects.create_superuser("root", email="root@example.org", password=PASSWORD)
    enrol(user)
    return user


@pytest.fixture
def editor_without_phone(db):
    """An editor whose authenticator app was on the phone they lost."""
    user = User.objects.create_user("sana", email="sana@example.org", password=PASSWORD)
    user.groups.add(Group.objects.get(name=EDITORS))
    enrol(user)
    return user


def signed_in_with_code(client: Client, user) -> Client:
    """`client` signed in as `user` with the password and the code (django-otp's session key)."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = next(devices_for_user(user)).persistent_id
    session.save()
    return client


def test_an_administrator_resets_it_after_confirming_and_the_person_sets_it_up_again(
    client, administrator, editor_without_phone, django_capture_on_commit_callbacks
):
    SecuritySettings.objects.create(require_two_factor_for_staff=True)
    admin = signed_in_with_code(Client(), administrator)

    listing = admin.get("/admin/users/")
    assert reset_url(editor_without_phone) in listing.text
    confirm = admin.get(reset_url(editor_without_phone))
    assert confirm.status_code == 200
    assert "Reset two-factor sign-in of sana?" in confirm.text
    assert two_factor.has_two_factor(editor_without_phone), "a GET changes nothing"

    with django_capture_on_commit_callbacks(execute=True):
        done = admin.post(reset_url(editor_without_phone), follow=True)
    assert "Two-factor sign-in of sana is reset" in done.text
    assert not two_factor.has_two_factor(editor_without_phone)
    assert [message.to for message in mail.outbox] == [["sana@example.org"]]
    assert "an administrator reset the two-factor sign-in" in mail.outbox[0].body

    entry = ModelLogEntry.objects.get(action=RESET_ACTION)
    assert (entry.object_id, entry.user_id) == (str(editor_without_phone.pk), administrator.pk)
    history = admin.get(f"/admin/users/history/{editor_without_phone.pk}/")
    assert "Two-factor sign-in reset" in history.text

    # The editor signs in with the password alone and is asked to set it up again.
    sign_in_with_password(client, "sana", url="/admin/login/")
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{SETUP}?next=%2Fadmin%2Fpages%2F"


def test_an_editor_may_not_reset_anyones(client, administrator, editor_without_phone):
    other = User.objects.create_user("rubab", email="rubab@example.org", password=PASSWORD)
    enrol(other)
    signed_in_with_code(client, editor_without_phone)

    assert client.get(reset_url(other)).status_code == 403
    assert client.post(reset_url(other)).status_code == 403
    assert client.post(reset_url(administrator)).status_code == 403
    assert two_factor.has_two_factor(other) and two_factor.has_two_factor(administrator)
    assert not ModelLogEntry.objects.filter(action=RESET_ACTION).exists()
    assert mail.outbox == []


def test_the_reset_needs_a_post_with_the_csrf_token(administrator, editor_without_phone):
    admin = signed_in_with_code(Client(enforce_csrf_checks=True), administrator)
    assert admin.post(reset_url(editor_without_phone)).status_code == 403
    assert two_factor.has_two_factor(editor_without_phone)
