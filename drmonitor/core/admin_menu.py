"""Admin pages of our own, each with a menu item shown only to the users the page is for."""

from collections.abc import Callable

from django.urls import URLPattern, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem


class MenuItemFor(MenuItem):
    """A menu item shown to the users `shown_to(user)` admits, such as the import pages that
    only some accounts may use (the page itself checks again)."""

    def __init__(self, label: str, url: str, *, shown_to: Callable[..., bool], **kwargs) -> None:
        super().__init__(label, url, **kwargs)
        self.shown_to = shown_to

    def is_shown(self, request) -> bool:
        return self.shown_to(request.user)


def register_admin_page(
    label: str,
    urls: list[URLPattern],
    *,
    shown_to: Callable[..., bool],
    order: int,
    icon: str = "upload",
) -> None:
    """Add `urls` to the admin and a menu item `label` that opens the first of them. Called
    from an app's wagtail_hooks module."""
    hooks.register("register_admin_urls", lambda: urls)
    hooks.register(
        "register_admin_menu_item",
        lambda: MenuItemFor(
            label, reverse(urls[0].name), shown_to=shown_to, icon_name=icon, order=order
        ),
    )
