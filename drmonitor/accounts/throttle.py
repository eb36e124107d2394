"""Which address a login attempt comes from, for django-axes' lockouts.

Behind a TLS-terminating proxy every request arrives from the proxy; locking out "user at
proxy" would let anyone lock a reader out. With DRM_TRUSTED_PROXY_COUNT proxies in front,
the client is the address that many hops from the right of X-Forwarded-For (the part a
client cannot forge).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import render


def client_ip(request: HttpRequest) -> str:
    proxies = getattr(settings, "DRM_TRUSTED_PROXY_COUNT", 0)
    remote = request.META.get("REMOTE_ADDR", "")
    if proxies <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    return hops[-proxies] if len(hops) >= proxies else remote


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
