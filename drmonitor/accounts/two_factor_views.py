"""Two-factor sign-in pages: set it up, see and change it, and give the code when signing in.

Setting it up, turning it off and new recovery codes each ask for the current password and are
mailed to the account's address (notices.py), like an e-mail or password change. Wrong codes at
sign-in count as failed sign-ins for django-axes (throttle.py), so guessing a code locks the
account like guessing a password; the right code completes the sign-in and clears the count.
"""

from __future__ import annotations

from axes.handlers.proxy import AxesProxyHandler
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login

from drmonitor.accounts import two_factor
from drmonitor.accounts.forms import CurrentPasswordForm, TwoFactorCodeForm, TwoFactorSetupForm
from drmonitor.accounts.notices import TWO_FACTOR, send_change_notice
from drmonitor.accounts.throttle import lift_lockout, lockout_response

RECOVERY_CODES = "two-factor recovery codes"


@login_required
@sensitive_post_parameters("current_password", "code")
def settings_page(request: HttpRequest) -> HttpResponse:
    """Set up two-factor sign-in, or turn it off / get new recovery codes once it is on."""
    user = request.user
    if two_factor.has_two_factor(user):
        return _manage(request, user)
    device = two_factor.pending_authenticator(user)
    form = TwoFactorSetupForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.confirm_authenticator(device, form.cleaned_data["code"])
        if codes is None:
            form.add_error("code", "That code is not the one the app shows now. Try the next.")
        else:
            otp_login(request, device)
            _notify(user, TWO_FACTOR)
            return _show_codes(request, codes, turned_on=True)
    context = {
        "form": form,
        "qr_svg": two_factor.qr_svg(device),
        "secret": two_factor.secret_text(device),
        "next": _safe_next(request),
    }
    return render(request, "accounts/two_factor_setup.html", context)


def _manage(request: HttpRequest, user) -> HttpResponse:
    action = request.POST.get("action") if request.method == "POST" else None
    forms = {
        name: CurrentPasswordForm(user, request.POST if action == name else None, prefix=name)
        for name in ("turn_off", "new_codes")
    }
    if action in forms and forms[action].is_valid():
        if action == "turn_off":
            two_factor.turn_off(user)
            _notify(user, TWO_FACTOR)
            messages.success(request, "Two-factor sign-in is off.")
            return redirect("accounts:two_factor")
        codes = two_factor.new_recovery_codes(user)
        _notify(user, RECOVERY_CODES)
        return _show_codes(request, codes, turned_on=False)
    context = {
        "turn_off_form": forms["turn_off"],
        "new_codes_form": forms["new_codes"],
        "codes_left": two_factor.recovery_codes_left(user),
    }
    return render(request, "accounts/two_factor_manage.html", context)


def _show_codes(request: HttpRequest, codes: list[str], *, turned_on: bool) -> HttpResponse:
    """The only time the codes are shown: the answer to the POST, never a page to come back to."""
    context = {"codes": codes, "turned_on": turned_on, "next": _safe_next(request)}
    return render(request, "accounts/two_factor_codes.html", context)


@sensitive_post_parameters("code")
def code_page(request: HttpRequest) -> HttpResponse:
    """The second step: the password was right (TwoFactorGate keeps the session here)."""
    user = request.user
    if not user.is_authenticated:
        return redirect("accounts:login")
    if user.is_verified() or not two_factor.has_two_factor(user):
        return redirect(_safe_next(request) or "/")
    credentials = {"username": user.get_username()}
    if not AxesProxyHandler.is_allowed(request, credentials):
        return lockout_response(request, credentials=credentials)
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = two_factor.device_for_code(user, form.cleaned_data["code"])
        if device is None:
            user_login_failed.send(__name__, credentials=credentials, request=request)
            form.add_error("code", "That code is not right, or was already used.")
        else:
            request.session.cycle_key()
            otp_login(request, device)
            lift_lockout(user.get_username())
            if two_factor.is_recovery_code(device):
                left = two_factor.recovery_codes_left(user)
                messages.warning(
                    request,
                    f"You signed in with a recovery code; {left} left. "
                    "Get new ones on your two-factor page if you run short.",
                )
            return redirect(_safe_next(request) or "/")
    context = {"form": form, "next": _safe_next(request)}
    return render(request, "accounts/two_factor_code.html", context)


def _notify(user, change: str) -> None:
    transaction.on_commit(lambda: send_change_notice(user, [change]))


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else ""
