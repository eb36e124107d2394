"""The few private parts of Wagtail the site relies on, gathered so an upgrade finds them.

Each has no public equivalent; each is written against Wagtail 8.0 and has a test in
core/tests/test_framework_internals.py that fails when Wagtail moves it.
"""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.images.models import AbstractRendition
from wagtail.models import Site

WRITTEN_AGAINST = "wagtail 8.0"


def set_request_site(request: HttpRequest, site: Site | None) -> None:
    """Give Wagtail the request's site, so `Site.find_for_request` asks no database.

    Wagtail 8.0 keeps the site it found in `request._wagtail_site` and reads it back from
    there; there is no public way to hand it one.
    """
    request._wagtail_site = site


def mark_from_cache(rendition: AbstractRendition) -> None:
    """Tell `AbstractImage.get_renditions` not to write this rendition back to the cache.

    Wagtail 8.0 marks prefetched renditions with `_from_cache` and skips writing those back,
    but writes back every rendition it found in the cache itself, on every use.
    """
    rendition._from_cache = True
