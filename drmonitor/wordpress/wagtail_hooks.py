"""The "Import from WordPress" admin page and its menu item (superusers only)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from drmonitor.wordpress.admin_views import can_import, import_view, progress_view, run_view


@hooks.register("register_admin_urls")
def register_wordpress_import_urls():
    return [
        path("wordpress/import/", import_view, name="wordpress_import"),
        path("wordpress/import/<int:pk>/", run_view, name="wordpress_import_run"),
        path(
            "wordpress/import/<int:pk>/progress/", progress_view, name="wordpress_import_progress"
        ),
    ]


class WordPressImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_wordpress_import_menu_item():
    return WordPressImportMenuItem(
        "Import from WordPress", reverse("wordpress_import"), icon_name="upload", order=910
    )
