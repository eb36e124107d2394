"""The main menu: the live pages under the site root that editors mark "show in menus".

The whole tree comes from one query ordered by tree path, is kept on the request, and is kept
in the cache under the content generation (see core/cache.py), which every publish, move or
deletion changes, so editors see a moved section in the menu on their next request.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django import template
from django.core.cache import cache
from django.http import HttpRequest
from wagtail.models import Page, Site

from drmonitor.core.cache import generation

register = template.Library()

MENU_DEPTH = 3  # levels below the root: section, subsection, sub-subsection


@dataclass
class MenuItem:
    title: str
    url: str
    path: str  # the tree path, to mark the current page and its ancestors
    children: list[MenuItem] = field(default_factory=list)


def build_menu(root: Page, request: HttpRequest | None = None) -> list[MenuItem]:
    """The menu tree under `root`; a page shows only if all its ancestors show too."""
    pages = (
        Page.objects.descendant_of(root)
        .live()
        .public()
        .in_menu()
        .filter(depth__lte=root.depth + MENU_DEPTH)
        .order_by("path")
    )
    top: list[MenuItem] = []
    by_path: dict[str, MenuItem] = {}
    step = Page.steplen
    for page in pages:
        item = MenuItem(title=page.title, url=page.get_url(request=request) or "", path=page.path)
        parent_path = page.path[:-step]
        if page.depth == root.depth + 1:
            top.append(item)
        elif parent_path in by_path:
            by_path[parent_path].children.append(item)
        else:
            continue  # its parent is hidden from menus, so it is too
        by_path[page.path] = item
    return top


def _site_root(request: HttpRequest | None) -> Page | None:
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[MenuItem]:
    request = context.get("request")
    if request is not None and hasattr(request, "_drm_main_menu"):
        return request._drm_main_menu
    root = _site_root(request)
    if root is None:
        return []
    key = f"drm:menu:{generation()}:{root.pk}:{request.get_host() if request else ''}"
    menu = cache.get(key)
    if menu is None:
        menu = build_menu(root, request)
        cache.set(key, menu, 600)
    if request is not None:
        request._drm_main_menu = menu
    return menu


@register.simple_tag(takes_context=True)
def menu_state(context, item: MenuItem) -> str:
    """'current' for the page itself, 'ancestor' for the sections above it, else ''."""
    page = context.get("page") or context.get("self")
    path = getattr(page, "path", "")
    if not path:
        return ""
    if path == item.path:
        return "current"
    if path.startswith(item.path):
        return "ancestor"
    return ""
