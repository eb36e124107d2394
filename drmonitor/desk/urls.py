"""Admin views the desk answers in place of Wagtail's, at the same addresses; the project's
URLs list these before the admin's so that they win."""

from django.urls import path

from drmonitor.desk.sections import DeskAddSubpageView

app_name = "desk"

urlpatterns = [
    path(
        "admin/pages/<int:parent_page_id>/add_subpage/",
        DeskAddSubpageView.as_view(),
        name="add_subpage",
    ),
]
