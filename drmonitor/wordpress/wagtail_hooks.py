"""The "Import from WordPress" admin page and its menu item (superusers only)."""

from django.urls import path

from drmonitor.core.admin_menu import register_admin_page
from drmonitor.wordpress.admin_views import can_import, import_view, progress_view, run_view

register_admin_page(
    "Import from WordPress",
    [
        path("wordpress/import/", import_view, name="wordpress_import"),
        path("wordpress/import/<int:pk>/", run_view, name="wordpress_import_run"),
        path(
            "wordpress/import/<int:pk>/progress/", progress_view, name="wordpress_import_progress"
        ),
    ],
    shown_to=can_import,
    order=910,
)
