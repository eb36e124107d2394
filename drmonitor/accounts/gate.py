"""The second step of signing in, enforced for every page: a session that gave the right
password for an account with two-factor sign-in reaches nothing but the code page (and log out)
until a code is given. Wagtail's admin login and the readers' login both end in
django.contrib.auth.login, so one gate covers both without replacing either.

When the Security setting requires it, editors, moderators and administrators without
two-factor are sent to set it up before any admin page.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from drmonitor.accounts.models import SecuritySettings
from drmonitor.accounts.roles import EDITORS, MODERATORS
from drmonitor.accounts.two_factor import has_two_factor


class TwoFactorGate:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not user.is_verified():
            path = request.path_info
            if has_two_factor(user):
                if not path.startswith(open_to_half_signed_in()):
                    return redirect_with_next("accounts:two_factor_code", request)
            elif path.startswith(settings.DRM_ADMIN_PATH_PREFIX) and must_enrol(user):
                return redirect_with_next("accounts:two_factor", request)
        return self.get_response(request)


def open_to_half_signed_in() -> tuple[str, ...]:
    """Where a session between password and code may go: the code page, log out, and the
    files those pages load."""
    return (
        reverse("accounts:two_factor_code"),
        reverse("accounts:logout"),
        settings.STATIC_URL,
    )


def must_enrol(user) -> bool:
    # Read, never create: `SecuritySettings.load` writes the row on first use, and a gate in
    # front of every admin page must not write (a busy database would turn each into a 500).
    if not SecuritySettings.objects.filter(require_two_factor_for_staff=True).exists():
        return False
    return user.is_superuser or user.groups.filter(name__in=[EDITORS, MODERATORS]).exists()


def redirect_with_next(view_name: str, request: HttpRequest) -> HttpResponse:
    return redirect(f"{reverse(view_name)}?{urlencode({'next': request.get_full_path()})}")
