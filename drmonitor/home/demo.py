"""The site root for demo content and fresh installs."""

from __future__ import annotations

from wagtail.models import Page, Site

from drmonitor.home.models import HomePage


def ensure_home() -> HomePage:
    """The one HomePage, made the default site's root in place of Wagtail's welcome page."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(title="Digital Rights Monitor", slug="drm-home")
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.save()
        if old_root.specific_class is Page and not old_root.get_children().exists():
            old_root.delete()
    return home
