"""Old WordPress addresses that are not one fixed path, reduced to one that is, looked up once.

Wagtail's redirect middleware answers the paths the import stored (redirects.py), but only
when nothing else answers: `/?p=123` is the home page to Django, so the query-string forms are
read here before the page is served. Other forms WordPress answers are reduced to a stored
path when nothing else answered (a 404):

    /?p=ID  /?page_id=ID  /?attachment_id=ID  /?cat=ID  /?tag=SLUG  /?author=ID
    /?post_format=video                                                     stored as such
    /?feed=rss2 /?feed=atom          the site feed          /?s=WORDS   search
    /?m=YYYYMM, /YYYY/MM/, /YYYY/    the date archives
    …/feed/, …/feed/atom/ …          the feed of what the address shows (or the page itself)
    …/page/N/                        that page of the list
    /archives/ID/                    /?p=ID
    /2024/05/01/slug/, /a/b/slug/    /slug/ (a post's address in another permalink structure)

Each request costs at most one lookup of Wagtail's redirect table, by its indexed path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

STORED_QUERY_KEYS = ("p", "page_id", "attachment_id", "cat", "tag", "author", "post_format")
FEED = re.compile(r"^(?P<base>.*/)feed/(?:(?P<kind>rss2|rss|rdf|atom)/)?$")
PAGED = re.compile(r"^(?P<base>.*/)page/(?P<number>\d+)/$")
ARCHIVES = re.compile(r"^/archives/(?P<id>\d+)/$")
MONTH = re.compile(r"^/(?P<year>\d{4})/(?:(?P<month>\d{2})/(?:(?P<day>\d{2})/)?)?$")
NOT_OLD_ADDRESSES = ("/static/", "/media/", "/admin/", "/api/", "/documents/")


class OldWordPressAddresses:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        reading = request.method in ("GET", "HEAD")
        if reading and request.path == "/" and request.GET:
            found = self.query_form(request)
            if found is not None:
                return found
        response = self.get_response(request)
        if reading and response.status_code == 404:
            return self.other_form(request) or response
        return response

    def query_form(self, request: HttpRequest) -> HttpResponse | None:
        query = request.GET
        for key in STORED_QUERY_KEYS:
            value = query.get(key, "").strip()
            if value:
                return _lookup(request, f"/?{key}={value}")
        if "feed" in query:
            name = "discovery:atom_feed" if query["feed"] == "atom" else "discovery:feed"
            return HttpResponsePermanentRedirect(reverse(name))
        if query.get("s", "").strip():
            search = reverse("discovery:search") + "?" + urlencode({"q": query["s"]})
            return HttpResponsePermanentRedirect(search)
        month = query.get("m", "")
        if re.fullmatch(r"\d{6}", month):
            return _archive(month[:4], month[4:])
        return None

    def other_form(self, request: HttpRequest) -> HttpResponse | None:
        path = request.path
        if path.startswith(NOT_OLD_ADDRESSES) or not path.endswith("/"):
            return None
        suffix, query = "", ""
        if match := FEED.match(path):
            path, suffix = match["base"], "feed/" + ("atom/" if match["kind"] == "atom" else "")
        elif match := PAGED.match(path):
            path, query = match["base"], f"?page={match['number']}"
        if match := MONTH.match(path):
            if suffix or query:
                return None
            return _archive(match["year"], match["month"])
        if match := ARCHIVES.match(path):
            key = f"/?p={match['id']}"
        elif suffix or query:
            key = path
        else:
            segments = [s for s in path.split("/") if s]
            if len(segments) < 2:
                return None  # a one-segment address is stored as such if it is known
            key = f"/{segments[-1]}/"
        return _lookup(request, key, suffix, query)


def _lookup(request: HttpRequest, old: str, suffix: str = "", query: str = ""):
    site = Site.find_for_request(request)
    redirect = (
        Redirect.get_for_site(site)
        .filter(old_path=Redirect.normalise_path(old))
        .select_related("redirect_page")
        .first()
    )
    link = redirect.link if redirect is not None else None
    if not link:
        return None
    if suffix and redirect.redirect_page is not None:
        # A feed after a story's address: WordPress's comment feed; the story itself here.
        if not hasattr(redirect.redirect_page.specific_class, "feed_urls"):
            suffix = ""
    return HttpResponsePermanentRedirect(link.rstrip("/") + "/" + suffix + query)


def _archive(year: str, month: str | None) -> HttpResponse:
    if month:
        url = reverse("newsroom:archive_month", kwargs={"year": int(year), "month": int(month)})
    else:
        url = reverse("newsroom:archive_year", kwargs={"year": int(year)})
    return HttpResponsePermanentRedirect(url)
