"""The panels of the admin dashboard: what a newsroom needs to run its day.

Each panel is a short list of entries (a title that opens the editor, a note, a time), read
fresh from the database on every visit: the admin is never cached, and a desk must see the
story submitted a minute ago. Who sees what follows the roles (accounts/roles.py): reviewers
see everything awaiting review, writers see their own submissions and drafts.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision, TaskState, WorkflowState, get_default_page_content_type
from wagtail.permissions import policy_registry

from drmonitor.desk.when import desk_time
from drmonitor.newsroom.models import ArticlePage
from drmonitor.newsroom.teasers import with_bylines
from drmonitor.readership.counting import most_read, reads_of
from drmonitor.tracker.models import Hearing

LIMIT = 8


@dataclass(frozen=True)
class Entry:
    """One row of a panel."""

    title: str
    url: str
    note: str = ""
    when: datetime.datetime | datetime.date | None = None

    @property
    def when_text(self) -> str:
        return desk_time(self.when) if self.when else ""


class DeskPanel(Component):
    """A dashboard panel listing `entries(user)`; it says so when there is nothing to list."""

    template_name = "desk/panel.html"

    def __init__(
        self,
        name: str,
        heading: str,
        order: int,
        entries: Callable[[object], list[Entry]],
        empty: str,
    ) -> None:
        self.name, self.heading, self.order = name, heading, order
        self.entries, self.empty = entries, empty

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        return {
            "panel_id": f"desk-{self.name}",
            "heading": self.heading,
            "entries": self.entries(user),
            "empty": self.empty,
        }


def edit_url(page_id: int) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page_id,))


def pages_by_id(ids: Iterable[int]) -> dict[int, Page]:
    return Page.objects.only("title", "draft_title").in_bulk(list(ids))


def _page_ids(object_ids: Iterable[str]) -> list[int]:
    return [int(object_id) for object_id in object_ids]


def in_review_ids() -> set[int]:
    """Pages whose workflow waits for a reviewer (not those sent back for changes)."""
    states = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS,
        base_content_type=get_default_page_content_type(),
    )
    return set(_page_ids(states.values_list("object_id", flat=True)))


def scheduled_revisions():
    return Revision.page_revisions.filter(approved_go_live_at__isnull=False)


def awaiting_review(user) -> list[Entry]:
    """For a reviewer, everything waiting for them; for a writer, what they submitted."""
    waiting = TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS)
    states = (
        (TaskState.objects.reviewable_by(user) | waiting.filter(workflow_state__requested_by=user))
        .filter(workflow_state__base_content_type=get_default_page_content_type())
        .select_related("workflow_state__requested_by")
        .order_by("-started_at")[:LIMIT]
    )
    pages = pages_by_id(_page_ids(state.workflow_state.object_id for state in states))
    entries = []
    for state in states:
        page = pages.get(int(state.workflow_state.object_id))
        if page is None:
            continue
        by = state.workflow_state.requested_by
        note = f"submitted by {by.get_full_name() or by.get_username()}" if by else ""
        entries.append(
            Entry(page.get_admin_display_title(), edit_url(page.pk), note, state.started_at)
        )
    return entries


def scheduled(user) -> list[Entry]:
    """Every page approved to go live later, soonest first, with its go-live time."""
    revisions = list(scheduled_revisions().order_by("approved_go_live_at")[:LIMIT])
    pages = pages_by_id(_page_ids(revision.object_id for revision in revisions))
    return [
        Entry(
            pages[page_id].get_admin_display_title(),
            edit_url(page_id),
            "goes live",
            revision.approved_go_live_at,
        )
        for revision in revisions
        if (page_id := int(revision.object_id)) in pages
    ]


def recently_published(user) -> list[Entry]:
    """The stories that went live last, with their bylines."""
    articles = with_bylines(
        list(
            ArticlePage.objects.live()
            .filter(last_published_at__isnull=False)
            .only("title", "draft_title", "last_published_at")
            .order_by("-last_published_at", "-pk")[:LIMIT]
        )
    )
    return [
        Entry(
            article.get_admin_display_title(),
            edit_url(article.pk),
            ", ".join(article.byline),
            article.last_published_at,
        )
        for article in articles
    ]


def my_drafts(user) -> list[Entry]:
    """Pages the user owns or edited last that have unpublished changes and are neither in
    review nor scheduled: what is still on their own desk."""
    scheduled_ids = _page_ids(scheduled_revisions().values_list("object_id", flat=True))
    drafts = (
        Page.objects.filter(has_unpublished_changes=True)
        .filter(Q(owner=user) | Q(latest_revision__user=user))
        .exclude(pk__in=in_review_ids() | set(scheduled_ids))
        .only("title", "draft_title", "latest_revision_created_at")
        .order_by("-latest_revision_created_at", "-pk")[:LIMIT]
    )
    return [
        Entry(
            page.get_admin_display_title(), edit_url(page.pk), "", page.latest_revision_created_at
        )
        for page in drafts
    ]


def upcoming_hearings(user) -> list[Entry]:
    """Court dates from today on: the desk plans its court reporting from them."""
    hearings = Hearing.objects.upcoming()[:LIMIT]
    can_edit = user.has_perm("tracker.change_hearing")
    entries = []
    for hearing in hearings:
        url = (
            reverse(Hearing.snippet_viewset.get_url_name("edit"), args=(hearing.pk,))
            if can_edit
            else hearing.get_absolute_url()
        )
        entries.append(Entry(str(hearing.case), url, hearing.case.court.name, hearing.date))
    return entries


def most_read_today(user) -> list[Entry]:
    """The pages readers opened most today, counted by the site itself (readership)."""
    ids = most_read(days=1, limit=LIMIT)
    reads = reads_of(ids)
    pages = pages_by_id(ids)
    return [
        Entry(
            pages[page_id].get_admin_display_title(),
            edit_url(page_id),
            f"{reads.get(page_id, 0)} read{'' if reads.get(page_id) == 1 else 's'}",
        )
        for page_id in ids
        if page_id in pages
    ]


def can_write(user) -> bool:
    return policy_registry.get_by_type(Page).user_has_permission(user, "add")


def desk_panels(user) -> list[DeskPanel]:
    """The desk's panels for this user, in the order a shift reads them."""
    panels = [
        DeskPanel(
            "awaiting-review", "Awaiting review", 100, awaiting_review, "Nothing awaits review."
        ),
        DeskPanel("scheduled", "Scheduled", 110, scheduled, "Nothing is scheduled."),
    ]
    if can_write(user):
        panels.append(DeskPanel("my-drafts", "My drafts", 120, my_drafts, "No drafts of yours."))
    panels += [
        DeskPanel(
            "recently-published",
            "Recently published",
            130,
            recently_published,
            "Nothing published yet.",
        ),
        DeskPanel(
            "most-read-today",
            "Most read today",
            135,
            most_read_today,
            "No reads counted yet today.",
        ),
        DeskPanel(
            "upcoming-hearings",
            "Upcoming hearings",
            140,
            upcoming_hearings,
            "No hearings on the calendar.",
        ),
    ]
    return panels
