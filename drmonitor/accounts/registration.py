"""Signing up by e-mail: the account waits, inactive, until its owner opens the link mailed to
the address. Whether or not the address or the user name already had an account, the reader
sees the same page and the address gets a mail (a link to confirm, a note that an account
exists, or that the name is taken), so the form tells nobody who reads the site, and nobody can
open an account in another person's name. An unconfirmed account keeps its user name until it
gives way to a registration with its address.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

User = get_user_model()


class ConfirmationTokens(PasswordResetTokenGenerator):
    """Links that confirm an address; never valid as password-reset links, nor after use
    (activating the account and signing in changes what the token was made from)."""

    key_salt = "drmonitor.accounts.registration.ConfirmationTokens"

    def _make_hash_value(self, user, timestamp) -> str:
        return f"{super()._make_hash_value(user, timestamp)}{user.is_active}"


confirmation_tokens = ConfirmationTokens()


def awaiting_confirmation(user) -> bool:
    """A reader's account whose link was never opened (not a staff account an administrator
    made inactive)."""
    return (
        not user.is_active
        and user.last_login is None
        and not (user.is_staff or user.is_superuser or user.groups.exists())
    )


@transaction.atomic
def sign_up(form) -> None:
    """Open an inactive account from a valid RegistrationForm, or tell the address's owner that
    one exists. An unconfirmed account with the same address gives way to the new one: its link
    was never opened, so it may be someone else's attempt to hold the address."""
    email = form.cleaned_data["email"]
    existing = User.objects.filter(email__iexact=email)
    for pending in existing:
        if awaiting_confirmation(pending):
            pending.delete()
    account = existing.first()
    if account is not None:
        transaction.on_commit(lambda: _mail(account, "already_registered"))
        return
    if User.objects.filter(username__iexact=form.cleaned_data["username"]).exists():
        wanted = form.save(commit=False)  # never saved: only the mail's name and address
        transaction.on_commit(lambda: _mail(wanted, "username_taken"))
        return
    user = form.save(commit=False)
    user.is_active = False
    user.save()
    transaction.on_commit(lambda: _mail(user, "confirm_registration"))


def _mail(user, template: str) -> None:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {
        "user": user,
        "login_url": base + reverse("accounts:login"),
        "reset_url": base + reverse("accounts:password_reset"),
        "register_url": base + reverse("accounts:register"),
        "timeout_hours": max(1, settings.PASSWORD_RESET_TIMEOUT // 3600),
    }
    if user.pk is not None:  # a name-taken note is about an account never opened
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        token = confirmation_tokens.make_token(user)
        context["confirm_url"] = base + reverse(
            "accounts:register_confirm", kwargs={"uidb64": uid, "token": token}
        )
    subject, body = render_to_string(f"accounts/email/{template}.txt", context).split("\n", 1)
    send_mail(subject.strip(), body.lstrip(), None, [user.email])
