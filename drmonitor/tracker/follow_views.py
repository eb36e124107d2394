"""Follow and unfollow: buttons on record pages for signed-in readers, and the one-click
unfollow link in every e-mail, which works without signing in."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from drmonitor.tracker.models import Follow, Incident, LegalCase
from drmonitor.tracker.notifications import follow_from_token


def _back(request, fallback: str):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(fallback)


def _toggle(request, **target):
    record = next(iter(target.values()))
    if request.POST.get("action") == "unfollow":
        Follow.objects.filter(user=request.user, **target).delete()
        messages.success(request, f"You no longer follow {record}.")
    else:
        try:
            Follow.objects.get_or_create(user=request.user, **target)
        except IntegrityError:
            pass  # a double click: the follow exists
        messages.success(
            request, f"You follow {record}. We will e-mail {request.user.email} when it changes."
        )
    return _back(request, record.get_absolute_url())


@login_required
@require_POST
def follow_incident(request, slug):
    return _toggle(request, incident=get_object_or_404(Incident.objects.published(), slug=slug))


@login_required
@require_POST
def follow_case(request, slug):
    return _toggle(request, case=get_object_or_404(LegalCase.objects.published(), slug=slug))


@csrf_exempt  # the signed token is the credential; mail clients POST without a CSRF cookie
def unfollow_by_token(request, token):
    """GET: confirm page with a button. POST: unfollow (also RFC 8058 one-click POSTs)."""
    follow, valid = follow_from_token(token)
    if not valid:
        return render(request, "tracker/unfollow.html", {"state": "invalid"}, status=400)
    if follow is None:
        return render(request, "tracker/unfollow.html", {"state": "gone"})
    if request.method == "POST":
        target = follow.record
        follow.delete()
        return render(request, "tracker/unfollow.html", {"state": "done", "target": target})
    if request.method != "GET":
        return HttpResponse(status=405)
    response = render(
        request, "tracker/unfollow.html", {"state": "confirm", "target": follow.record}
    )
    response["Cache-Control"] = "private, no-store"
    return response
