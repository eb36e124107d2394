"""Find the page for a URL in one query instead of one query per level of the tree.

Wagtail routes a request by walking down from the site root: each level fetches its child by
slug and then its specific row, so an article three sections deep costs eight queries before
any of it is rendered. Every page stores its full `url_path`, so the page and all its ancestors
can be fetched at once. The shortcut gives the same answer as the walk, or steps aside:

- when the path is not a page's own URL (a routable page's sub-route such as a section feed,
  or a page that does not exist), the walk runs as before;
- when a live routable ancestor would have claimed the rest of the path for one of its own
  routes (a section's `feed/` shadows an article with the slug "feed"), the walk runs too,
  so the ancestor still wins as it does in Wagtail.

The other way round, `page_url` gives a page's URL from its `url_path` as `Page.get_url` does,
without a `reverse()` per page.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.urls import Resolver404, reverse
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from drmonitor.core import framework_internals
from drmonitor.core.caching import depends_on, keep, keys


def route_by_url_path(
    root: Page, request: HttpRequest, path_components: list[str]
) -> RouteResult | None:
    """The route of the page at `path_components` below `root`, or None to walk the tree."""
    prefixes = [root.url_path]
    for component in path_components:
        prefixes.append(prefixes[-1] + component + "/")
    # url_path has no index; slug does, and narrows the match to a handful of rows.
    chain = list(
        Page.objects.filter(
            slug__in=set(path_components), url_path__in=prefixes[1:], path__startswith=root.path
        ).order_by("depth")
    )
    if len(chain) != len(path_components) or chain[-1].depth != root.depth + len(chain):
        return None
    for level, ancestor in enumerate([root, *chain[:-1]]):
        model = ancestor.specific_class
        if ancestor.live and model is not None and issubclass(model, RoutablePageMixin):
            rest = "/" + "/".join(path_components[level:]) + "/"
            try:
                model.get_resolver().resolve(rest)
            except Resolver404:
                continue
            return None
    page = chain[-1].specific
    # Its parent, already fetched, for pages that show it (an article's section).
    page.routed_parent = chain[-2] if len(chain) > 1 else root
    return page.route(request, [])


def page_url(url_path: str, request: HttpRequest | None) -> str | None:
    """What `Page.get_url(request)` answers for the page with this `url_path`: its path on the
    request's site, or its full URL on another site; None for a page under no site.

    Wagtail reverses its serve view for each page, which is most of what a URL costs; a menu and
    a front page list some eighty. Here the serve view's address is reversed once per request
    and the page's path below its site's root is quoted as `reverse()` quotes it.
    """
    roots = framework_internals.site_root_paths(request)
    matching = [root for root in roots if url_path.startswith(root.root_path)]
    if not matching:
        return None
    current = Site.find_for_request(request) if request is not None else None
    site_id, root_path, root_url, _language = matching[0]
    if current is not None and len({root.site_id for root in matching}) > 1:
        # A page under more than one site (rare): the request's own, where it is one of them.
        preferred = [root for root in matching if root.site_id == current.pk]
        site_id, root_path, root_url, _language = (preferred or matching)[0]
    path = _serve_prefix(request) + quote(
        url_path[len(root_path) :], safe=RFC3986_SUBDELIMS + "/~:@"
    )
    if (current is not None and site_id == current.pk) or len({r.site_id for r in roots}) == 1:
        return path
    return root_url + path


def _serve_prefix(request: HttpRequest | None) -> str:
    """The address of Wagtail's serve view for the site root, reversed once per request."""
    if request is None:
        return reverse("wagtail_serve", args=("",))
    try:
        return request.drm_serve_prefix
    except AttributeError:
        request.drm_serve_prefix = reverse("wagtail_serve", args=("",))
        return request.drm_serve_prefix


class KnownSiteMiddleware:
    """Give Wagtail the request's site, with its root page, without asking the database.

    Wagtail looks the site up by host and port on every request and then fetches its root
    page twice over (the row, then its specific row). Sites and root pages change only in the
    admin, so one lookup per host is kept until one of them does.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            host = request.get_host()
        except DisallowedHost:
            # Django answers 400 further on; a made-up host must not take a cache entry.
            return self.get_response(request)
        hostname, port = split_domain_port(host)[0], request.get_port()

        def find() -> Site | None:
            site = Site.find_for_request(request)
            if site is not None:
                site.root_page.specific  # noqa: B018 - fetched now, kept with the site
                depends_on(keys.page(site.root_page_id))
            return site

        # Every page goes stale when which site answers for a host changes; only the pages that
        # show the root page (the home page itself) when it is re-published.
        site = keep(f"site:{hostname}:{port}", find, depends=[keys.SITES], propagate=False)
        depends_on(keys.SITES)
        framework_internals.set_request_site(request, site)
        return self.get_response(request)
