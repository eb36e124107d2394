"""The dependency keys the floor knows: pages, the menu, the site settings, sites, images.

Apps name their own keys the same way ("<thing>:<id>" or "<thing>:<id>:<what of it>"), in a
module of their own, next to the functions that register which writes make them stale.
"""

from __future__ import annotations

MENU = "menu"  # the section tree that every page's menu shows
SETTINGS = "settings"  # the site settings every page's header, sidebar and footer show
SITES = "sites"  # which site and root page answer for a host
PAGES = "pages"  # which pages are live at all: the sitemap


def page(pk: int) -> str:
    """A page's own content, wherever it is shown: its page, its teasers, links to it."""
    return f"page:{pk}"


def children(pk: int) -> str:
    """Which live pages sit below page `pk`, and in what order."""
    return f"page:{pk}:children"


def image(pk: int) -> str:
    return f"image:{pk}"


def record(label: str, pk: object) -> str:
    """Any other record, by its model's label: "newsroom.author:5", "tracker.incident:3"."""
    return f"{label}:{pk}"
