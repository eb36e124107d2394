"""Content-Security-Policy by area: the public site's strict policy (SECURE_CSP) everywhere,
the admin's looser one (DRM_ADMIN_CSP) under DRM_ADMIN_PATH_PREFIX.

Wagtail's admin writes inline scripts that the public policy forbids, and its views are too many
to decorate one by one (django.views.decorators.csp), so the choice is made here by address,
through the attribute those decorators set and Django's middleware reads.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.csp import ContentSecurityPolicyMiddleware


class PolicyByArea(ContentSecurityPolicyMiddleware):
    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        in_admin = request.path_info.startswith(settings.DRM_ADMIN_PATH_PREFIX)
        if in_admin and not hasattr(response, "_csp_config"):
            response._csp_config = settings.DRM_ADMIN_CSP
        return super().process_response(request, response)
