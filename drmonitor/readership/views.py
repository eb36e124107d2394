"""The read beacon: `navigator.sendBeacon("/read/<page id>/")` from a page a reader opened."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from drmonitor.readership.counting import record_read


# The beacon comes from cached pages that carry no CSRF token, sets nothing, reads nothing and
# changes no one's data but a counter; a forged one can only add a read, as a reader would.
@csrf_exempt
@require_POST
@never_cache
def read(request: HttpRequest, page_id: int) -> HttpResponse:
    """Count one read; 204 with no body and no cookie, 404 for a page that is not live."""
    if not record_read(page_id):
        return HttpResponse(status=404)
    return HttpResponse(status=204)
