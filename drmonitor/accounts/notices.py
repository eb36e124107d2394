"""Mail to the address an account had, when its e-mail, password or two-factor sign-in changes
(also when an administrator resets the two-factor sign-in, two_factor_reset.py).

Whoever holds a borrowed session and the password could otherwise move an account to an address
of theirs in silence; the owner hears of it at the address they still read. The check sits on
the user model's saves, so every way of changing these (reader profile, Wagtail's account page,
a password reset, the admin's user editor) is covered by one rule. A changed password also lifts
a login lockout on the account: a completed reset is the way out the lockout page offers.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from drmonitor.accounts.throttle import lift_lockout

WATCHED = {"email": "e-mail address", "password": "password"}
TWO_FACTOR = "two-factor sign-in"


def remember_before_save(sender, instance, update_fields=None, **kwargs) -> None:
    if instance.pk is None:
        return
    if update_fields is not None and not set(update_fields) & set(WATCHED):
        return  # e.g. the last_login stamp of every sign-in
    instance._drm_before = sender.objects.filter(pk=instance.pk).values(*WATCHED).first()


def notice_after_save(sender, instance, created: bool, **kwargs) -> None:
    before = instance.__dict__.pop("_drm_before", None)
    if created or not before:
        return
    changed = [label for name, label in WATCHED.items() if before[name] != getattr(instance, name)]
    if before["password"] != instance.password:
        lift_lockout(instance.get_username())
    if changed and before["email"]:
        old_address = before["email"]
        transaction.on_commit(lambda: send_change_notice(instance, changed, old_address))


def send_change_notice(user, changes: list[str], address: str | None = None) -> None:
    """Tell `address` (the account's own by default) which of its sign-in details changed."""
    address = address or user.email
    if not address:
        return
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {
        "user": user,
        "changes": " and ".join(changes),
        "when": timezone.localtime(),
        "reset_url": base + reverse("accounts:password_reset"),
    }
    send_mail(
        f"Your Digital Rights Monitor account: {context['changes']} changed",
        render_to_string("accounts/email/account_changed.txt", context),
        None,
        [address],
    )


def connect() -> None:
    user_model = get_user_model()
    pre_save.connect(remember_before_save, sender=user_model, dispatch_uid="drm-account-before")
    post_save.connect(notice_after_save, sender=user_model, dispatch_uid="drm-account-notice")


def send_two_factor_reset_notice(user) -> None:
    """Tell the account's address that an administrator removed its two-factor sign-in, and
    what to do next: sign in with the password and set it up again."""
    if not user.email:
        return
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {
        "user": user,
        "when": timezone.localtime(),
        "setup_url": base + reverse("accounts:two_factor"),
        "reset_url": base + reverse("accounts:password_reset"),
    }
    send_mail(
        "Your Digital Rights Monitor account: two-factor sign-in was reset",
        render_to_string("accounts/email/two_factor_reset.txt", context),
        None,
        [user.email],
    )
