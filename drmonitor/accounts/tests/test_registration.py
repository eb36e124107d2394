"""A reader signs up, logs in and out; bad input shows field errors and creates nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
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


def test_a_reader_registers_and_is_logged_in(client):
    response = register(client)

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")
    profile = client.get(reverse("accounts:profile"))
    assert profile.status_code == 200
    assert "bilal@example.org" in profile.text
    user = User.objects.get(username="bilal")
    assert not user.is_staff and not user.groups.exists()


def test_mismatched_passwords_show_the_error_beside_the_field(client):
    response = register(client, password2=PASSWORD + "x")

    assert response.status_code == 200
    assert "The two password fields didn’t match." in response.text
    assert response.context["form"].errors.keys() == {"password2"}
    assert not User.objects.filter(username="bilal").exists()


def test_an_email_in_use_in_another_case_is_refused(client, reader):
    response = register(client, email="AMINA@Example.ORG")

    assert response.status_code == 200
    assert "already exists" in response.context["form"].errors["email"][0]
    assert not User.objects.filter(username="bilal").exists()


def test_a_taken_username_and_a_weak_password_are_reported(client, reader):
    response = register(client, username="amina", password1="12345678", password2="12345678")

    errors = response.context["form"].errors
    assert "username" in errors
    assert "password2" in errors  # Django's validators report on the confirmation field
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
