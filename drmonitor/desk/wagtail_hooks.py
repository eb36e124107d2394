"""The desk's place in Wagtail's admin: its dashboard, its buttons, where the page tree opens,
the newsroom's colours and faces."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from drmonitor.desk import avatars, dashboard, explorer, scheduling, sections

# Wagtail's own panels that the desk's replace: its two workflow lists ("awaiting your review",
# "your pages in moderation") and "your most recent edits" (the desk's "My drafts").
REPLACED_PANELS = {
    "workflow_objects_to_moderate",
    "user_objects_in_workflow_moderation",
    "recent_edits",
}


@hooks.register("construct_homepage_panels")
def desk_dashboard(request, panels):
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in REPLACED_PANELS]
    panels.extend(dashboard.desk_panels(request.user))


@hooks.register("construct_homepage_summary_items", order=1000)  # after those that add them
def no_page_counts(request, summary_items):
    """The counts of pages, images and documents tell a desk nothing it acts on."""
    summary_items.clear()


hooks.register("construct_page_action_menu", scheduling.name_the_schedule)
hooks.register("after_edit_page", scheduling.report_the_schedule)
hooks.register("after_create_page", scheduling.report_the_schedule)
hooks.register("construct_main_menu", explorer.open_pages_at_home)
hooks.register("before_create_page", sections.refuse_sections_to_writers)
hooks.register("get_avatar_url", avatars.avatar_url)


@hooks.register("insert_global_admin_css")
def admin_colours():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))
