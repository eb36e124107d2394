"""The Pages menu opens at the site's home page, where the sections are.

Wagtail opens it at the highest page the user may explore. Our roles are granted on the tree's
root (accounts/roles.py), and an administrator may explore everything, so everyone would start
at "Root", a page no reader reaches, whose listing warns that its pages "will not be accessible
at any URL". Users whose explorable root is above the home page start at the home page
instead; they can still go up from there.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import PageExplorerMenuItem as PageExplorerMenuItemComponent
from wagtail.admin.wagtail_hooks import ExplorerMenuItem
from wagtail.models import Page, Site
from wagtail.permissions import policy_registry

EXPLORER = "explorer"


def start_page(request: HttpRequest) -> Page | None:
    """The home page of the site being edited, or the user's own explorable root when that is
    further down the tree (a user allowed only one section starts there)."""
    explorable = policy_registry.get_by_type(Page).explorable_root_instance(request.user)
    site = Site.find_for_request(request)
    home = site.root_page if site else None
    if explorable is None or home is None or not home.is_descendant_of(explorable):
        return explorable
    return home


class HomeExplorerMenuItem(ExplorerMenuItem):
    def render_component(self, request):
        page = start_page(request)
        if page is None:
            return super().render_component(request)
        return PageExplorerMenuItemComponent(
            self.name,
            self.label,
            reverse("wagtailadmin_explore", args=(page.pk,)),
            page.pk,
            icon_name=self.icon_name,
            classname=self.classname,
        )


def open_pages_at_home(request: HttpRequest, menu_items: list[MenuItem]) -> None:
    """construct_main_menu: Wagtail's Pages item, starting at the home page."""
    for position, item in enumerate(menu_items):
        if item.name == EXPLORER and not isinstance(item, HomeExplorerMenuItem):
            menu_items[position] = HomeExplorerMenuItem(
                item.label,
                item.url,
                name=item.name,
                icon_name=item.icon_name,
                classname=item.classname,
                order=item.order,
            )
