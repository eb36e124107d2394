"""Buttons and messages that say "schedule" when that is what happens.

A page whose draft has a go-live time in the future is not published by "Publish" or by
"Approve and Publish": it is scheduled, and the background worker publishes it then. Wagtail
labels the approval "Approve and Publish" and reports it as "has been updated"; here the button
reads "Approve and schedule for 3 Dec, 09:00" and the message "… is scheduled for 3 Dec, 09:00".
"""

from __future__ import annotations

import datetime

from django.contrib import messages as django_messages
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from wagtail.admin import messages
from wagtail.admin.action_menu import ActionMenuItem, PublishMenuItem, WorkflowMenuItem
from wagtail.models import Page

from drmonitor.desk.when import desk_time

PUBLISH = "action-publish"
WORKFLOW_ACTION = "action-workflow-action"
APPROVE = "approve"
AND_PUBLISH = " and Publish"


def future_go_live(page: Page | None) -> datetime.datetime | None:
    """The draft's go-live time, when it is still to come."""
    go_live_at = getattr(page, "go_live_at", None)
    if go_live_at and go_live_at > timezone.now():
        return go_live_at
    return None


class ScheduleMenuItem(PublishMenuItem):
    """Wagtail's publish button, saying when the page will go live."""

    template_name = "desk/action_menu/schedule.html"

    def __init__(self, go_live_at: datetime.datetime, order: int) -> None:
        super().__init__(order=order)
        self.label = f"Schedule for {desk_time(go_live_at)}"


def name_the_schedule(menu_items: list[ActionMenuItem], request: HttpRequest, context) -> None:
    """construct_page_action_menu: publish and approve buttons of a page with a future go-live
    time say that they schedule it, and for when."""
    go_live_at = future_go_live(context.get("page"))
    if go_live_at is None:
        return
    when = desk_time(go_live_at)
    for position, item in enumerate(menu_items):
        if item.name == PUBLISH:
            menu_items[position] = ScheduleMenuItem(go_live_at, order=item.order)
        elif isinstance(item, WorkflowMenuItem) and item.name == APPROVE:
            label = str(item.label)  # made for this request, so its own to change
            if label.endswith(AND_PUBLISH):
                item.label = f"{label.removesuffix(AND_PUBLISH)} and schedule for {when}"


def report_the_schedule(request: HttpRequest, page: Page) -> None:
    """after_edit_page / after_create_page: when a publish or an approval scheduled the page,
    say so, and for when, in place of Wagtail's "has been updated"."""
    if request.method != "POST" or not _publishes(request):
        return
    # Not page.scheduled_revision: a property cached before the approval published anything.
    go_live_at = (
        page.revisions.filter(approved_go_live_at__gt=timezone.now())
        .values_list("approved_go_live_at", flat=True)
        .first()
    )
    if go_live_at is None:
        return
    title = page.get_admin_display_title()
    kept = [
        message
        for message in django_messages.get_messages(request)  # reading them takes them out
        if not (message.level == django_messages.SUCCESS and escape(title) in str(message))
    ]
    for message in kept:
        django_messages.add_message(request, message.level, message.message, message.extra_tags)
    edit = messages.button(reverse("wagtailadmin_pages:edit", args=(page.pk,)), "Edit")
    messages.success(
        request,
        f"‘{title}’ is scheduled for {desk_time(go_live_at)}.",
        buttons=[edit],
    )


def _publishes(request: HttpRequest) -> bool:
    if request.POST.get(PUBLISH):
        return True
    return bool(request.POST.get(WORKFLOW_ACTION)) and (
        request.POST.get("workflow-action-name") == APPROVE
    )
