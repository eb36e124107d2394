"""A reader signs up by confirming the address, logs in and out; bad input shows field errors
and creates nothing; the form never tells whether an address has an account."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from drmonitor.accounts.tests.conftest import PASSWORD

User = get_user_model()
pytestmark = pytest.mark.django_db


def register(client, **overrides):
    data = {
        "username": "bilal",
        "email": "bilal@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **overrides,
    }
    return client.post(reverse("accounts:register"), data)


def link_in(message) -> str:
    """The confirmation link's path (the mail names the site's public address)."""
    return urlsplit(re.search(r"http://\S+/accounts/register/confirm/\S+/", message.body)[0]).path


def test_a_reader_confirms_the_address_by_link_and_is_then_logged_in(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client)

    assert response.status_code == 200
    assert "Check your e-mail" in response.text
    user = User.objects.get(username="bilal")
    assert not user.is_active  # nothing is open until the owner of the address says so
    assert (
        client.post(
            reverse("accounts:login"), {"username": "bilal", "password": PASSWORD}
        ).status_code
        == 200
    )  # the form again: not logged in

    (message,) = mail.outbox
    assert message.to == ["bilal@example.org"]
    link = link_in(message)
    response = client.get(link)
    assert response.status_code == 302 and response["Location"] == reverse("accounts:profile")
    profile = client.get(reverse("accounts:profile"))
    assert profile.status_code == 200 and "bilal@example.org" in profile.text
    user.refresh_from_db()
    assert user.is_active and not user.is_staff and not user.groups.exists()

    client.post(reverse("accounts:logout"))
    again = client.get(link)
    assert again.status_code == 400  # a link works once


def test_mismatched_passwords_show_the_error_beside_the_field(client):
    response = register(client, password2=PASSWORD + "x")

    assert response.status_code == 200
    assert "The two password fields didn’t match." in response.text
    assert response.context["form"].errors.keys() == {"password2"}
    assert not User.objects.filter(username="bilal").exists()


def test_an_address_with_an_account_gets_the_same_answer_and_a_note_by_mail(
    client, reader, django_capture_on_commit_callbacks
):
    fresh = register(client, username="someone", email="nobody@example.org").text
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        taken = register(client, email="AMINA@Example.ORG")

    assert taken.status_code == 200
    assert taken.text.replace("AMINA@Example.ORG", "X") == fresh.replace("nobody@example.org", "X")
    assert not User.objects.filter(username="bilal").exists()
    (message,) = mail.outbox
    assert message.to == ["amina@example.org"]
    assert "already has one" in message.body and "/accounts/register/confirm/" not in message.body


def test_a_stranger_cannot_hold_an_address_with_an_unconfirmed_account(
    client, django_capture_on_commit_callbacks
):
    register(client, username="squatter", email="sana@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        register(client, username="sana", email="sana@example.org")

    assert list(User.objects.values_list("username", flat=True)) == ["sana"]
    assert "/accounts/register/confirm/" in mail.outbox[-1].body


def test_registrations_from_one_address_are_limited(client):
    for number in range(5):
        assert (
            register(client, username=f"reader{number}", email=f"r{number}@example.org").status_code
            == 200
        )
    response = register(client, username="reader6", email="r6@example.org")
    assert response.status_code == 429
    assert "try again in an hour" in response.text
    assert not User.objects.filter(username="reader6").exists()


def test_a_taken_username_gets_the_same_answer_and_a_note_by_mail(
    client, reader, django_capture_on_commit_callbacks
):
    fresh = register(client, username="someone", email="nobody@example.org").text
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        taken = register(client, username="AMINA", email="nobody2@example.org")

    assert taken.status_code == 200
    assert taken.text.replace("nobody2@", "X") == fresh.replace("nobody@", "X")
    assert not User.objects.filter(email="nobody2@example.org").exists()
    (message,) = mail.outbox
    assert message.to == ["nobody2@example.org"]
    assert '"AMINA", which another reader already uses' in message.body
    assert "/accounts/register/" in message.body and "/confirm/" not in message.body


def test_a_weak_password_is_reported(client, reader):
    response = register(client, username="amina", password1="12345678", password2="12345678")

    errors = response.context["form"].errors
    assert list(errors) == ["password2"]  # Django's validators report on the confirmation field
    assert User.objects.count() == 1


def test_login_and_logout(client, reader):
    response = client.post(
        reverse("accounts:login"), {"username": "amina", "password": PASSWORD, "next": "/x/"}
    )
    assert response.status_code == 302 and response["Location"] == "/x/"
    assert client.get(reverse("accounts:profile")).status_code == 200

    assert client.get(reverse("accounts:logout")).status_code == 405  # logout is POST only
    client.post(reverse("accounts:logout"))
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_wrong_password_says_so_without_logging_in(client, reader):
    response = client.post(reverse("accounts:login"), {"username": "amina", "password": "nope"})

    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.text
    assert "_auth_user_id" not in client.session


def test_login_refuses_to_send_the_reader_to_another_site(client, reader):
    response = client.post(
        reverse("accounts:login"),
        {"username": "amina", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response["Location"] == "/"


@pytest.mark.parametrize("name", ["register", "login", "password_reset"])
def test_account_pages_are_never_cached_for_others(client, name):
    response = client.get(reverse(f"accounts:{name}"))

    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control


def test_the_header_links_follow_the_login_state(client, reader):
    from django.template.loader import render_to_string

    anonymous = client.get(reverse("accounts:login")).wsgi_request
    html = render_to_string("accounts/includes/user_links.html", request=anonymous)
    assert "Log in" in html and "Register" in html and "Log out" not in html

    client.force_login(reader)
    request = client.get(reverse("accounts:profile")).wsgi_request
    html = render_to_string("accounts/includes/user_links.html", request=request)
    assert "Profile" in html and 'method="post"' in html and "Log in" not in html
