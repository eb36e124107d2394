"""Purging a front-end cache (nginx's proxy cache in production) by URL.

nginx cannot check dependency keys, so when keys go stale the pages that show them must be
purged from it by address. Each app registers, per key prefix, which URLs a key stands behind;
the purge goes out through Wagtail's frontend-cache backends (settings.WAGTAILFRONTENDCACHE),
and nothing happens when none is configured. Keys that every page shows (the menu, the site
settings) are not purged page by page: nginx's copies expire within DRM_FRONT_CACHE_SECONDS.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.conf import settings
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page

UrlsOf = Callable[[str], Iterable[str]]

_resolvers: list[tuple[str, UrlsOf]] = []


def register_urls(prefix: str, urls_of: UrlsOf) -> None:
    """Keys that start with `prefix` stand behind the absolute URLs `urls_of(key)` gives."""
    _resolvers.append((prefix, urls_of))


def urls_for(stale: Iterable[str]) -> set[str]:
    urls: set[str] = set()
    for key in stale:
        for prefix, urls_of in _resolvers:
            if key.startswith(prefix):
                urls.update(urls_of(key))
    return urls


def purge(stale: Iterable[str]) -> None:
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    urls = urls_for(stale)
    if urls:
        purge_urls_from_cache(sorted(urls))


def _page_urls(key: str) -> list[str]:
    """ "page:12" and "page:12:children" both stand behind page 12's own address."""
    pk = int(key.split(":")[1])
    page = Page.objects.filter(pk=pk).first()
    url = page.get_full_url() if page is not None else None
    return [url] if url else []


register_urls("page:", _page_urls)
