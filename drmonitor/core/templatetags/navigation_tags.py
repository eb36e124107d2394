"""The main menu: the live pages under the site root that editors mark "show in menus".

The whole tree comes from one query ordered by tree path, and is kept (with its rendered HTML)
until a page in menus is published, moved or deleted (the MENU key), so readers see a moved
section in the menu on their next request.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django import template
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page, Site

from drmonitor.core.caching import depends_on, keep, keys
from drmonitor.core.routing import page_url

register = template.Library()

MENU_DEPTH = 3  # levels below the root: section, subsection, sub-subsection


@dataclass
class MenuItem:
    title: str
    url: str
    path: str  # the tree path, to mark the current page and its ancestors
    children: list[MenuItem] = field(default_factory=list)


def build_menu(root: Page, request: HttpRequest | None = None) -> list[MenuItem]:
    """The menu tree under `root`; a page shows only if all its ancestors show too.

    It reads the four columns it shows, not page objects: building a page object costs more
    than the rest of a menu item.
    """
    pages = (
        Page.objects.descendant_of(root)
        .live()
        .public()
        .in_menu()
        .filter(depth__lte=root.depth + MENU_DEPTH)
        .order_by("path")
        .values_list("title", "path", "depth", "url_path")
    )
    top: list[MenuItem] = []
    by_path: dict[str, MenuItem] = {}
    step = Page.steplen
    for title, path, depth, url_path in pages:
        item = MenuItem(title=title, url=page_url(url_path, request) or "", path=path)
        parent_path = path[:-step]
        if depth == root.depth + 1:
            top.append(item)
        elif parent_path in by_path:
            by_path[parent_path].children.append(item)
        else:
            continue  # its parent is hidden from menus, so it is too
        by_path[path] = item
    return top


def _site_root(request: HttpRequest | None) -> Page | None:
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[MenuItem]:
    request = context.get("request")
    depends_on(keys.MENU)  # on every use: the first may have been inside a part with its own
    if request is not None and hasattr(request, "drm_main_menu"):
        return request.drm_main_menu
    root = _site_root(request)
    if root is None:
        return []
    host = request.get_host() if request is not None else ""
    menu = keep(
        f"menu-items:{root.pk}:{host}", lambda: build_menu(root, request), depends=[keys.MENU]
    )
    if request is not None:
        request.drm_main_menu = menu
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


def _place_in(menu: list[MenuItem], path: str) -> tuple[str, bool]:
    """The deepest menu item at or above the page with `path`, and whether it is the page."""
    place, items = "", menu
    while items:
        item = next((item for item in items if path.startswith(item.path)), None)
        if item is None:
            break
        place, items = item.path, item.children
    return place, bool(place) and place == path


@register.simple_tag(takes_context=True)
def subsections(context, page: Page) -> list[MenuItem]:
    """The sections under `page` that menus show: the chips above a section's articles.

    They come from the kept menu, so a section page asks the database nothing for them. A page
    the menu does not hold, or holds at its last level, has its children looked up instead.
    """
    items, level = main_menu(context), 1
    while items:
        item = next((item for item in items if page.path.startswith(item.path)), None)
        if item is None:
            break
        if item.path == page.path and level < MENU_DEPTH:
            return item.children
        items, level = item.children, level + 1
    request = context.get("request")
    children = page.get_children().live().public().in_menu()
    return [
        MenuItem(title=title, url=page_url(url_path, request) or "", path=path)
        for title, path, url_path in children.values_list("title", "path", "url_path")
    ]


@register.simple_tag(takes_context=True)
def menu_html(context, menu: list[MenuItem]) -> SafeString:
    """The rendered menu, kept per content generation and per place in the menu.

    Pages differ only in which item is marked current or ancestor, and that depends only on
    the deepest item above the page, so a few dozen copies serve every page of the site.
    """
    page = context.get("page") or context.get("self")
    request = context.get("request")
    place = _place_in(menu, getattr(page, "path", "") or "")
    host = request.get_host() if request is not None else ""

    def render() -> str:
        return render_to_string(
            "newsroom/includes/menu.html", {"items": menu, "page": page}, request=request
        )

    html = keep(f"menu:{host}:{place[0]}:{place[1]}", render, depends=[keys.MENU])
    return mark_safe(html)  # noqa: S308 - rendered by our own template, escaped there
