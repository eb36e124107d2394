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
"""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult


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
    # Treebeard's get_parent() uses this, as Wagtail's own routing sets it.
    page._cached_parent_obj = chain[-2] if len(chain) > 1 else root
    return page.route(request, [])
