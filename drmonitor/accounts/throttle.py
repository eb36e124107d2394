"""Login throttling (django-axes): by account and by address, each with its own limit.

An account is locked after AXES_FAILURE_LIMIT wrong passwords from anywhere, and a completed
password reset lifts it (notices.py), so guessing one account's password is slow and its owner
always has a way back in. An address is locked after DRM_ADDRESS_FAILURE_LIMIT wrong passwords
for any accounts, so guessing spread over many accounts is slow too; readers behind one carrier
NAT or office share that address, so its limit is higher. A successful sign-in clears only the
account's count: otherwise a guesser could sign in to an account of their own to clear the
address's count.

Behind a TLS-terminating proxy every request arrives from the proxy; locking out "user at
proxy" would let anyone lock a reader out. With DRM_TRUSTED_PROXY_COUNT proxies in front,
the client is the address that many hops from the right of X-Forwarded-For (the part a
client cannot forge).
"""

from __future__ import annotations

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Sum
from django.http import HttpRequest
from django.shortcuts import render

from drmonitor.accounts.two_factor import has_two_factor


def client_ip(request: HttpRequest) -> str:
    proxies = getattr(settings, "DRM_TRUSTED_PROXY_COUNT", 0)
    remote = request.META.get("REMOTE_ADDR", "")
    if proxies <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    return hops[-proxies] if len(hops) >= proxies else remote


class AccountAndAddressHandler(AxesDatabaseHandler):
    """Axes' database handler with the two limits above (AXES_HANDLER points here)."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        recent = AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request))
        by_account = _failures(recent.filter(username=get_client_username(request, credentials)))
        address = getattr(request, "axes_ip_address", None) or client_ip(request)
        if _failures(recent.filter(ip_address=address)) >= settings.DRM_ADDRESS_FAILURE_LIMIT:
            return max(by_account, settings.AXES_FAILURE_LIMIT)
        return by_account

    def reset_user_attempts(self, request, credentials: dict | None = None) -> int:
        """After a right password; with two-factor sign-in the count stays until the code is
        right too (two_factor_views.code_page), or the password alone would reset the wrong
        codes' count and let codes be guessed without end."""
        username = get_client_username(request, credentials)
        accounts = get_user_model()._default_manager
        account = accounts.filter(**{accounts.model.USERNAME_FIELD: username}).first()
        if account is not None and has_two_factor(account):
            return 0
        return lift_lockout(username)


def _failures(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def lift_lockout(username: str | None) -> int:
    """Forget an account's failed sign-ins (not its addresses'); the number of records gone."""
    if not username:
        return 0
    deleted, _ = AccessAttempt.objects.filter(username=username).delete()
    return deleted


def lockout_response(request: HttpRequest, original_response=None, credentials=None):
    """The page a locked-out visitor sees (reader and admin login alike): what happened, how
    long to wait, and the way out through a password reset. Status 429 Too Many Requests."""
    from axes.helpers import get_client_username, get_cool_off, get_failure_limit

    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "username": get_client_username(request, credentials) or "",
        "wait": describe_wait(cool_off.total_seconds()) if cool_off else "a while",
    }
    return render(request, "accounts/lockout.html", context, status=429)


def describe_wait(seconds: float) -> str:
    """3600 -> 'an hour', 5400 -> '90 minutes', 60 -> 'a minute'."""
    minutes = max(1, round(seconds / 60))
    if minutes == 60:
        return "an hour"
    if minutes % 60 == 0:
        return f"{minutes // 60} hours"
    return "a minute" if minutes == 1 else f"{minutes} minutes"
