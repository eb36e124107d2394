"""The anonymous page cache, and the content generation that keeps it (and the menu) fresh.

Readers without a session get whole pages from the Django cache; anyone with a session (editors,
logged-in readers) always gets a freshly rendered page. Instead of deleting cached pages when
content changes, every write to content bumps a *generation* token that is part of every cache
key, so the next request after a publish misses and renders anew.

Where the token lives depends on the cache: a shared cache (Redis in production) holds it
itself, but the embedded default, the local-memory cache, is private to each gunicorn worker
and to the background worker that publishes scheduled articles. There the token is a stamp file
under var/, whose identity (inode and mtime) every process on the machine sees at once.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
import uuid
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

from drmonitor.core import page_files

GENERATION_KEY = "drm:content-generation"

# Writes that happen while pages are rendered or that no public page shows; bumping the
# generation on them would empty the cache on every request or every login.
UNRELATED_APPS = frozenset(
    {
        "sessions",
        "axes",
        "admin",
        "auth",
        "contenttypes",
        "modelsearch",
        "wagtailsearch",
        "wagtailadmin",
        "wagtailusers",
    }
)
UNRELATED_MODELS = frozenset(
    {
        "core.rendition",
        "wagtailimages.rendition",
        "wagtailembeds.embed",
        "wagtailcore.revision",
        "wagtailcore.pagelogentry",
        "wagtailcore.modellogentry",
        "wagtailcore.referenceindex",
        "wagtailcore.taskstate",
        "wagtailcore.workflowstate",
        "wagtailcore.pagesubscription",
        "wagtailcore.comment",
        "wagtailcore.commentreply",
        "wagtail_search_promotions.query",
        "wagtail_search_promotions.querydailyhits",
        "tracker.follow",
        "tracker.notification",
    }
)

# Paths that are personal, interactive or already served by something else.
UNCACHED_PREFIXES = ("/admin/", "/accounts/", "/api/", "/documents/", "/static/", "/media/")
PAGE_QUERY = re.compile(r"^(page=[1-9][0-9]{0,5})?$")


# --- the generation -----------------------------------------------------------------------


def _stamp_path() -> Path:
    return Path(settings.VAR_DIR) / "content-generation.stamp"


def _cache_is_private() -> bool:
    return isinstance(caches["default"], LocMemCache)


def generation() -> str:
    """A token that changes whenever published content may have changed."""
    if _cache_is_private():
        try:
            stat = os.stat(_stamp_path())
        except FileNotFoundError:
            return "0"
        return f"{stat.st_ino}-{stat.st_mtime_ns}"
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        cache.add(GENERATION_KEY, token, timeout=None)
        token = cache.get(GENERATION_KEY, token)
    return token


def bump_generation() -> None:
    """Make every cached page and menu stale at once, in every process."""
    if _cache_is_private():
        path = _stamp_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        # A new file renamed into place gives a new inode, so two bumps within one clock tick
        # still differ.
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".generation-")
        with os.fdopen(fd, "w") as handle:
            handle.write(uuid.uuid4().hex)
        os.replace(tmp, path)
    else:
        cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    page_files.after_bump()


_tickets = threading.local()


def _bump_after_commit() -> None:
    """Bump once when the current transaction commits, however many rows it wrote.

    A bump inside the transaction would let a reader cache the old page again before the new
    one is visible, so the bump waits for the commit (outside a transaction, on_commit runs at
    once). An import writes thousands of rows in one transaction: each write takes a ticket,
    and at commit the first callback bumps for every ticket taken so far, so the others do
    nothing. Tickets are per thread, as transactions are.
    """
    issued = getattr(_tickets, "issued", 0) + 1
    _tickets.issued = issued

    def bump() -> None:
        if issued <= getattr(_tickets, "done", 0):
            return
        _tickets.done = _tickets.issued
        bump_generation()

    transaction.on_commit(bump)


def _on_write(sender, **kwargs) -> None:
    meta = getattr(sender, "_meta", None)
    if meta is None:
        return
    if meta.app_label in UNRELATED_APPS or meta.label_lower in UNRELATED_MODELS:
        return
    if kwargs.get("action", "post_").startswith("pre_"):
        return  # m2m_changed: act once, after the change
    _bump_after_commit()


def _on_page_event(sender, **kwargs) -> None:
    _bump_after_commit()


def connect_signals() -> None:
    """Bump on every content write: publish, unpublish, move, delete, snippets, settings."""
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_write, dispatch_uid=f"drm-page-cache-{id(signal)}")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_on_page_event, dispatch_uid=f"drm-page-cache-{id(signal)}")


# --- the page cache -----------------------------------------------------------------------


def _bypasses(request: HttpRequest) -> bool:
    """Whether this request may see something personal, so must not share cached pages."""
    if request.method not in ("GET", "HEAD"):
        return True
    if request.path.startswith(UNCACHED_PREFIXES):
        return True
    if not PAGE_QUERY.match(request.META.get("QUERY_STRING", "")):
        return True
    if "HTTP_AUTHORIZATION" in request.META:
        return True
    personal_cookies = (settings.SESSION_COOKIE_NAME, "messages")
    return any(name in request.COOKIES for name in personal_cookies)


def _key(request: HttpRequest) -> str:
    # The date is in the key because every page prints today's date in the header.
    today = timezone.localdate().isoformat()
    query = request.META.get("QUERY_STRING", "")
    where = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    digest = hashlib.sha256(where.encode()).hexdigest()
    return f"drm:page:{generation()}:{today}:{digest}"


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    if request.META.get("CSRF_COOKIE_USED"):
        return False  # the page carries a CSRF token that belongs to one reader
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    return True


class PageCacheMiddleware:
    """Serve anonymous readers whole pages from the cache for DRM_PAGE_CACHE_SECONDS.

    It sits before the session and authentication middleware, so a hit costs a cache read and
    nothing else. Browsers and proxies must revalidate every time (max-age=0), so an editor who
    logs in never gets a page their browser kept from before; the ETag makes that cheap.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        seconds = settings.DRM_PAGE_CACHE_SECONDS
        if seconds <= 0 or _bypasses(request):
            response = self.get_response(request)
            if seconds > 0 and request.method in ("GET", "HEAD"):
                patch_vary_headers(response, ["Cookie"])
                if not response.has_header("Cache-Control"):
                    patch_cache_control(response, private=True, no_cache=True)
            return response

        key = _key(request)
        cached = cache.get(key)
        if cached is not None:
            return self._answer(request, cached, hit=True)

        started = page_files.ticket()
        response = self.get_response(request)
        if _storable(request, response):
            etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
            response["ETag"] = etag
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            patch_vary_headers(response, ["Cookie"])
            cache.set(key, response, seconds)
            page_files.store(request, response, started)
            response["X-Page-Cache"] = "miss"
        else:
            patch_vary_headers(response, ["Cookie"])
        return response

    def _answer(self, request: HttpRequest, cached: HttpResponse, hit: bool) -> HttpResponse:
        if request.META.get("HTTP_IF_NONE_MATCH") == cached["ETag"]:
            response = HttpResponseNotModified()
            response["ETag"] = cached["ETag"]
            response["Cache-Control"] = cached["Cache-Control"]
            response["Vary"] = cached["Vary"]
            return response
        if request.method == "HEAD":
            head = HttpResponse(status=cached.status_code)
            for name, value in cached.items():
                head[name] = value
            head["X-Page-Cache"] = "hit"
            return head
        cached["X-Page-Cache"] = "hit"
        return cached
