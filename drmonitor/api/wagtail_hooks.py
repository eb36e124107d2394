"""Admin hooks of the open-data side: the STOP import page and its menu item.

Wagtail loads wagtail_hooks only from app roots, so the tracker.stop package registers here.
"""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from drmonitor.tracker.stop.admin_views import can_import, import_view


@hooks.register("register_admin_urls")
def register_stop_import_url():
    return [path("tracker/import-stop/", import_view, name="tracker_import_stop")]


class StopImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_stop_import_menu_item():
    return StopImportMenuItem(
        "Import STOP CSV", reverse("tracker_import_stop"), icon_name="upload", order=900
    )
