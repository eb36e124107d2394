"""An administrator removes a person's two-factor sign-in: the way back in for a reporter who
lost their phone and their recovery codes.

Only superusers may (the site's administrators; editors manage content, never accounts), and a
confirmation page's POST does it, so a link alone cannot. The reset is kept in the person's
history in the admin (Wagtail's log entries, with who did it) and mailed to their address, so a
reset they did not ask for does not go unnoticed. They then sign in with their password alone,
and the gate sends them to set two-factor up again wherever the Security setting requires it.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from wagtail.log_actions import log

from drmonitor.accounts import two_factor
from drmonitor.accounts.notices import send_two_factor_reset_notice
from drmonitor.accounts.throttle import lift_lockout

RESET_ACTION = "accounts.two_factor_reset"
URL_NAME = "accounts_two_factor_reset"


def may_reset(request_user) -> bool:
    """Least privilege: resetting someone's second factor is as strong as knowing it."""
    return request_user.is_active and request_user.is_superuser


def reset_url(user) -> str:
    return reverse(URL_NAME, args=(user.pk,))


def reset_view(request: HttpRequest, user_id: int) -> HttpResponse:
    """GET: what will happen, and a button. POST: remove the devices, log, mail the person."""
    if not may_reset(request.user):
        # A plain 403, not Wagtail's redirect to the dashboard: the refusal is the answer.
        return HttpResponseForbidden("Only administrators may reset two-factor sign-in.")
    person = get_object_or_404(get_user_model(), pk=user_id)
    users_index = reverse("wagtailusers_users:index")
    if not two_factor.has_two_factor(person):
        messages.info(request, f"{person.get_username()} has no two-factor sign-in to reset.")
        return redirect(users_index)
    if request.method == "POST":
        with transaction.atomic():
            two_factor.turn_off(person)
            log(instance=person, action=RESET_ACTION, user=request.user)
            transaction.on_commit(lambda: send_two_factor_reset_notice(person))
        # Wrong codes typed while the phone was missing may have paused the account.
        lift_lockout(person.get_username())
        messages.success(
            request,
            f"Two-factor sign-in of {person.get_username()} is reset: they sign in with their "
            "password and set it up again. They were told by e-mail.",
        )
        return redirect(users_index)
    return render(
        request,
        "accounts/admin/two_factor_reset_confirm.html",
        {"person": person, "users_index": users_index},
    )
