"""Two-factor sign-in: a code from an authenticator app (TOTP), or one of ten recovery codes
that each work once. django-otp keeps the devices and checks the codes (with its own slowing
down after wrong ones); this module says what an account has and what changes it.

An account "has two-factor" once its authenticator is confirmed with a first code. Recovery
codes are kept as django-otp's static tokens: a new set replaces the old one entirely, so codes
printed before are worthless once the owner asks for new ones.
"""

from __future__ import annotations

import base64

import segno
from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"


def has_two_factor(user) -> bool:
    """True when signing in to `user` needs a code after the password."""
    return user.is_authenticated and user_has_device(user)


def pending_authenticator(user) -> TOTPDevice:
    """The authenticator being set up: a new secret the first time, then the same one until it
    is confirmed, so reloading the page does not invalidate what the app already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """The secret as authenticator apps accept it when typed: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// address as an inline SVG QR code (drawn here, never sent to a
    QR service: the secret must not leave the site)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, svgclass="two-factor__qr")


@transaction.atomic
def confirm_authenticator(device: TOTPDevice, code: str) -> list[str] | None:
    """Turn two-factor on if `code` is the app's current one; the recovery codes, else None."""
    if not device.verify_token(normalise(code)):
        return None
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """A fresh set of recovery codes; the ones before stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def turn_off(user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def device_for_code(user, code: str) -> Device | None:
    """The device that accepts `code` (an app's code, or a recovery code, used up by this),
    or None. Locked rows, so one code cannot be spent twice by two requests at once."""
    code = normalise(code)
    if not code:
        return None
    with transaction.atomic():
        for device in devices_for_user(user, for_verify=True):
            if device.verify_token(code):
                return device
    return None


def is_recovery_code(device: Device) -> bool:
    return isinstance(device, StaticDevice)


def normalise(code: str) -> str:
    """Codes as people type them: '123 456', 'ABCD-EFGH' or with spaces around."""
    return "".join(ch for ch in code if ch.isalnum()).lower()
