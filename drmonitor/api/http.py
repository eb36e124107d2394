"""What every open-data response carries: readable from any origin, cacheable for a while."""

from __future__ import annotations

from functools import wraps

from django.utils.cache import patch_cache_control

MAX_AGE = 300


def open_data(view):
    """Plain CORS for reads (no credentials, so no preflight and no cookies) and a public
    Cache-Control: the data is the same for every reader."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method in ("GET", "HEAD"):
            response["Access-Control-Allow-Origin"] = "*"
            if response.status_code == 200:
                patch_cache_control(response, public=True, max_age=MAX_AGE)
        return response

    return wrapper
