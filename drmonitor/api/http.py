"""What every open-data response carries: readable from any origin, cacheable, revalidated
cheaply.

- CORS for reads: `Access-Control-Allow-Origin: *` (no credentials, no cookies), and an answer
  to a browser's preflight (OPTIONS) naming GET and HEAD, so a script on another site may send
  `If-None-Match` or `Accept` headers.
- HEAD answers as GET would, without the body (a link checker, a harvester).
- ETag (a hash of the body) and Last-Modified (the newest change to the evidence desk), so a
  client that asks again with `If-None-Match` or `If-Modified-Since` gets a 304 and no body.
"""

from __future__ import annotations

import datetime
from functools import wraps

from django.db.models import Max, Value
from django.http import HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import http_date

from drmonitor.tracker.models import Hearing, Incident, LegalCase, Order

MAX_AGE = 300
READS = "GET, HEAD, OPTIONS"
PREFLIGHT_MAX_AGE = 86400


def last_modified() -> datetime.datetime | None:
    """When the evidence desk last changed: the newest edit of an incident or a case, or
    publication of a hearing or an order (one query)."""
    newest = [
        model.objects.published()
        .values(one=Value(1))
        .annotate(t=Max(field))
        .values_list("t", flat=True)
        .order_by()
        for model, field in (
            (Incident, "updated_at"),
            (LegalCase, "updated_at"),
            (Hearing, "last_published_at"),
            (Order, "last_published_at"),
        )
    ]
    known = [
        stamp for stamp in newest[0].union(*newest[1:], all=True).order_by() if stamp is not None
    ]
    return max(known) if known else None


def _preflight() -> HttpResponse:
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Methods"] = READS
    response["Access-Control-Allow-Headers"] = "Accept, If-None-Match, If-Modified-Since"
    response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
    response["Allow"] = READS
    return response


def open_data(view):
    """The view, read-only and open: see the module's docstring."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = _preflight()
        elif request.method in ("GET", "HEAD"):
            response = _read(view, request, *args, **kwargs)
        else:
            response = JsonResponse({"detail": "Read-only: use GET or HEAD."}, status=405)
            response["Allow"] = READS
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Link"
        return response

    return wrapper


def _read(view, request, *args, **kwargs) -> HttpResponse:
    method = request.method
    request.method = "GET"  # the views answer GET; HEAD is GET without the body
    try:
        response = view(request, *args, **kwargs)
    finally:
        request.method = method
    if response.status_code != 200:
        return response
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    changed = last_modified()
    if changed is not None:
        response["Last-Modified"] = http_date(changed.timestamp())
    if not response.streaming:
        set_response_etag(response)
        response = get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=int(changed.timestamp()) if changed else None,
            response=response,
        )
    if method == "HEAD" and not response.streaming:
        response["Content-Length"] = str(len(response.content))  # what GET would send
        response.content = b""
    return response


def not_found(request, *args, **kwargs) -> JsonResponse:
    """Any /api/ address we do not serve: a JSON 404 naming where the description is."""
    return JsonResponse(
        {"detail": f"No such endpoint: {request.path}. See /api/openapi.json.", "errors": {}},
        status=404,
    )
