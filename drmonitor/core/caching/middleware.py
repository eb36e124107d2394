"""The snapshot every request runs under, and the anonymous page cache.

Readers without a session get whole pages from the cache, each stored with the dependency keys
its render recorded and served while none of them has changed; anyone with a session
(editors, signed-in readers) gets a page rendered for them. Browsers must revalidate every time
(max-age=0) so an editor who signs in never sees a page their browser kept; the ETag makes that
cheap. A page that recorded no keys is not stored: nothing would ever tell it apart from a
stale one.

A front-end cache (nginx) may keep the same pages: `X-Accel-Expires` tells it how long
(DRM_FRONT_CACHE_SECONDS), and core.caching.frontend purges them by URL when their keys go
stale.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers

from drmonitor.core.caching import snapshot as snapshots

# Paths that are personal, interactive, or served by something else.
UNCACHED_PREFIXES = ("/admin/", "/accounts/", "/api/", "/documents/", "/static/", "/media/")
PAGE_QUERY = re.compile(r"^(page=[1-9][0-9]{0,5})?$")
PERSONAL_COOKIES = ("messages",)


class StoredPage(NamedTuple):
    built_at: int
    keys: frozenset[str]
    response: HttpResponse


def shared(request: HttpRequest) -> bool:
    """Whether this request sees nothing personal, so may get and give a shared page."""
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(UNCACHED_PREFIXES):
        return False
    if not PAGE_QUERY.match(request.META.get("QUERY_STRING", "")):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = (settings.SESSION_COOKIE_NAME, *PERSONAL_COOKIES)
    return not any(name in request.COOKIES for name in cookies)


def storable(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether the response carries nothing that belongs to one reader."""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # e.g. a form whose CSRF token belongs to one reader
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def _key(request: HttpRequest) -> str:
    query = request.META.get("QUERY_STRING", "")
    where = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return "drm:page:" + hashlib.sha256(where.encode()).hexdigest()


class CacheMiddleware:
    """Bind a snapshot for the request; serve and store shared pages.

    It sits before the session and authentication middleware, so a cached page costs one
    ledger check and one cache read.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with snapshots.bound(snapshots.take(request)) as snapshot:
            seconds = settings.DRM_PAGE_CACHE_SECONDS
            if seconds <= 0 or not shared(request):
                response = self.get_response(request)
                if seconds > 0 and request.method in ("GET", "HEAD"):
                    patch_vary_headers(response, ["Cookie"])
                    if not response.has_header("Cache-Control"):
                        patch_cache_control(response, private=True, no_cache=True)
                return response

            key = _key(request)
            stored = cache.get(key)
            if stored is not None and snapshot.fresh(stored.keys, stored.built_at):
                response = self._from_cache(request, stored.response)
                response["X-Accel-Expires"] = str(settings.DRM_FRONT_CACHE_SECONDS)
                return response

            response = self.get_response(request)
            patch_vary_headers(response, ["Cookie"])
            page_keys = frozenset(snapshot.collected[0])
            if page_keys and storable(request, response):
                etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
                response["ETag"] = etag
                patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
                cache.set(key, StoredPage(snapshot.position, page_keys, response), seconds)
                response["X-Page-Cache"] = "miss"
                response["X-Accel-Expires"] = str(settings.DRM_FRONT_CACHE_SECONDS)
            return response

    @staticmethod
    def _from_cache(request: HttpRequest, cached: HttpResponse) -> HttpResponse:
        if request.META.get("HTTP_IF_NONE_MATCH") == cached["ETag"]:
            response = HttpResponseNotModified()
            for name in ("ETag", "Cache-Control", "Vary"):
                response[name] = cached[name]
            return response
        if request.method == "HEAD":
            head = HttpResponse(status=cached.status_code)
            for name, value in cached.items():
                head[name] = value
            head["X-Page-Cache"] = "hit"
            return head
        cached["X-Page-Cache"] = "hit"
        return cached
