"""Refuse a request whose address holds a NUL character, before any view reads it.

PostgreSQL cannot store or compare text with NUL in it (psycopg raises ValueError), so any view
that looks a path segment or a query value up would answer 500; no real address holds one.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse

REFUSAL = "The address holds a NUL character."


class RefuseNulCharacters:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            "\x00" in request.path
            or "\x00" in request.META.get("QUERY_STRING", "")
            or any("\x00" in value for values in request.GET.lists() for value in values[1])
        ):
            if request.path.startswith(settings.DRM_API_PATH_PREFIX):
                return JsonResponse({"detail": REFUSAL}, status=400)  # as the API's own 400s
            return HttpResponseBadRequest(REFUSAL, content_type="text/plain")
        return self.get_response(request)
