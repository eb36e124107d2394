"""The admin's own Content-Security-Policy (DRM_ADMIN_CSP) under DRM_ADMIN_PATH_PREFIX; the
public site's strict one (SECURE_CSP) everywhere else.

Wagtail's admin writes inline scripts that the public policy forbids, and its views are too many
to decorate one by one (django.views.decorators.csp). This middleware sits inside Django's
ContentSecurityPolicyMiddleware and sets the admin's header first; Django's leaves a header
that another layer has set, as its documentation promises.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.csp import CSP, build_policy

HEADER = str(CSP.HEADER_ENFORCE)


class AdminPolicy:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.header = build_policy(settings.DRM_ADMIN_CSP)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        in_admin = request.path_info.startswith(settings.DRM_ADMIN_PATH_PREFIX)
        if in_admin and HEADER not in response:
            response.headers[HEADER] = self.header
        return response
