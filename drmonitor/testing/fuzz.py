"""Hostile requests for every route the site exposes: the URL fuzz in demo's tests walks them.

Every route of the URL configuration (apart from Wagtail's admin, which sends anyone who is not
signed in to its login page) is requested once per class of hostile value, with that value in
every path segment and in every query parameter the site reads, by GET and by POST. Pages of the
tree are served by one route; one page of each type stands for its type, with the value in the
query string and as an extra path segment.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import quote, urlencode

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

HOSTILE = {
    "quotes-and-markup": "\"'`<script>x</script>../",
    "nul": "a\x00b",
    "overlong": "x" * 2000,
    "urdu-rtl": "ڈیجیٹل حقوق\u202e\u200f",
    "earliest-date": "0001-01-01",
    "latest-date": "9999-12-31",
    "huge-number": "9" * 40,
    "negative-number": "-1",
}
# Every query parameter a view of the site reads (search, listings, filters, the API, forms).
PARAMETERS = [
    "q", "page", "from", "to", "section", "tag", "order", "year", "month", "type", "status",
    "format", "limit", "offset", "kind", "sort", "next", "p", "since", "until", "service",
    "actor", "incident", "case", "province", "court", "law", "topic",
]  # fmt: skip
SKIPPED_PREFIXES = ("admin/",)
CONVERTER = re.compile(r"<(?:[^:>]+:)?[^>]+>")


def route_templates() -> list[str]:
    """Each route as a path with `{}` where its parameters go ('tag/{}/feed/')."""
    return sorted(set(_walk(get_resolver().url_patterns, "")))


def _walk(patterns, prefix: str) -> Iterator[str]:
    for entry in patterns:
        text = _template(entry.pattern)
        if text is None:
            continue
        full = prefix + text
        if full.startswith(SKIPPED_PREFIXES):
            continue
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, full)
        elif isinstance(entry, URLPattern):
            yield full


def _template(pattern) -> str | None:
    if isinstance(pattern, RoutePattern):
        return CONVERTER.sub("{}", str(pattern))
    # A regular expression: its literal start, then the value where anything variable begins.
    regex = str(pattern.regex.pattern).lstrip("^").rstrip("$")
    literal = re.match(r"[\w/\-.]*", regex.replace("\\/", "/").replace("\\.", "."))[0]
    return literal if literal == regex else literal + "{}"


def hostile_requests(page_paths: list[str]) -> Iterator[tuple[str, str, str]]:
    """(value class, method, URL): every route by GET and POST, and every page path given by
    GET with the value in its query string and as an extra segment, once per value class."""
    templates = route_templates()
    for kind, value in HOSTILE.items():
        segment = quote(value, safe="")
        query = urlencode(dict.fromkeys(PARAMETERS, value))
        for template in templates:
            url = "/" + template.replace("{}", segment) + "?" + query
            yield kind, "get", url
            yield kind, "post", url
        for path in page_paths:
            yield kind, "get", f"{path}?{query}"
            yield kind, "get", f"{path.rstrip('/')}/{segment}/"
