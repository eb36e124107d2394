"""The site's answer to an uncaught exception (urls.handler500).

Django logs the traceback of every uncaught exception before it gets here (logger
`django.request`, which settings.base sends to standard error). A database that is busy or
restarting (SQLite's "database is locked" after its 20 s wait, a PostgreSQL lock timeout or
lost connection) raises OperationalError: the request's transaction is rolled back, so the
reader or editor is told that nothing was lost and to try again, with status 503 and
Retry-After, rather than the generic error page.
"""

from __future__ import annotations

import sys

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

RETRY_AFTER_SECONDS = 5


def server_error(request: HttpRequest) -> HttpResponse:
    if isinstance(sys.exc_info()[1], OperationalError):
        response = HttpResponse(render_to_string("503_busy.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponse(render_to_string("500.html"), status=500)
