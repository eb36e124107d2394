"""Install data every site needs, demo or not: the home page as the site's root, with the
section tree under it. `drmonitor setup` runs it on each start; it only fills in what is missing.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from drmonitor.home.models import HomePage
from drmonitor.newsroom.sections import ensure_sections


def install_site() -> HomePage:
    """The home page and the section tree, created where missing; editors' changes are kept."""
    with transaction.atomic():
        home = ensure_home()
        ensure_sections(home)
    return home


def ensure_home() -> HomePage:
    """The one HomePage, made the default site's root in place of Wagtail's welcome page."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(title="Digital Rights Monitor", slug="drm-home")
        root.add_child(instance=home)
        home.save_revision().publish()
    # Canonical links, feeds and the sitemap print the site record's address: make it the one
    # this installation is served at.
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    hostname = address.hostname or "localhost"
    port = address.port or (443 if address.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=hostname,
            port=port,
            site_name=settings.WAGTAIL_SITE_NAME,
            root_page=home,
            is_default_site=True,
        )
        return home
    old_root = site.root_page if site.root_page_id != home.pk else None
    site.root_page = home
    site.hostname, site.port = hostname, port
    site.save()
    if old_root and old_root.specific_class is Page and not old_root.get_children().exists():
        old_root.delete()
    return home
