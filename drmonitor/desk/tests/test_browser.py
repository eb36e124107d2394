"""In chromium: the editor's buttons say "Schedule for 5 Dec, 09:00" when the page has a go-live
time ahead, and pressing them reports the schedule; the dashboard and the sign-in page are the
newsroom's. Screenshots go to var/screenshots/ for a reviewer."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.models import Workflow

from drmonitor.accounts.roles import WORKFLOW_NAME
from drmonitor.desk.tests.test_scheduling import draft_going_live, nine_in_the_morning
from drmonitor.desk.when import desk_time
from drmonitor.testing.browser import DESKTOP, screenshot_dir

pytest_plugins = ["drmonitor.testing.browser"]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def signed_in(browser, live_server, user):
    """A page in a browser context holding the user's session, as after logging in."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport=DESKTOP)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    return context.new_page()


def open_actions(page):
    """The footer's "more actions" menu, where publishing sits beside "Save draft"."""
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()


def test_publish_says_schedule_and_schedules(browser, live_server, news, editor):
    go_live = nine_in_the_morning(2)
    story = draft_going_live(news, editor, go_live)
    when = desk_time(go_live)

    page = signed_in(browser, live_server, editor)
    page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    open_actions(page)
    button = page.get_by_role("button", name=f"Schedule for {when}")
    expect(button).to_be_visible()
    expect(page.get_by_role("button", name="Publish", exact=True)).to_have_count(0)
    page.screenshot(path=str(screenshot_dir() / "desk-schedule-button.png"))

    button.click()
    expect(page.locator(".messages")).to_contain_text(
        f"‘Budget cuts to the PTA’ is scheduled for {when}."
    )
    page.screenshot(path=str(screenshot_dir() / "desk-scheduled-message.png"))
    story.refresh_from_db()
    assert not story.live and story.scheduled_revision.approved_go_live_at == go_live


def test_approve_says_schedule_and_schedules(browser, live_server, news, reporter, editor):
    go_live = nine_in_the_morning(3)
    story = draft_going_live(news, reporter, go_live, title="VPN registration explained")
    Workflow.objects.get(name=WORKFLOW_NAME).start(story, reporter)
    when = desk_time(go_live)

    page = signed_in(browser, live_server, editor)
    page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    open_actions(page)
    button = page.get_by_role("button", name=f"Approve and schedule for {when}")
    expect(button).to_be_visible()
    page.screenshot(path=str(screenshot_dir() / "desk-approve-and-schedule-button.png"))

    button.click()
    expect(page.locator(".messages")).to_contain_text(
        f"‘VPN registration explained’ is scheduled for {when}."
    )
    story.refresh_from_db()
    assert not story.live and story.scheduled_revision.approved_go_live_at == go_live


def test_the_desk_dashboard_and_sign_in(browser, live_server, news, reporter, editor):
    draft_going_live(news, editor, nine_in_the_morning(1), title="Tomorrow's explainer")
    draft_going_live(news, reporter, nine_in_the_morning(4), title="Rubab's draft on VPN rules")
    page = signed_in(browser, live_server, editor)
    page.goto(live_server.url + reverse("wagtailadmin_home"))
    for heading in ("Awaiting review", "Scheduled", "My drafts", "Most read today"):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    drafts = my_drafts(page)
    expect(drafts.get_by_text("Tomorrow's explainer")).to_be_visible()  # the editor's own draft
    expect(drafts.get_by_text("Rubab's draft on VPN rules")).to_have_count(0)  # not theirs
    page.screenshot(path=str(screenshot_dir() / "desk-dashboard.png"), full_page=True)

    desk = signed_in(browser, live_server, reporter)
    desk.goto(live_server.url + reverse("wagtailadmin_home"))
    drafts = my_drafts(desk)
    expect(drafts.get_by_text("Rubab's draft on VPN rules")).to_be_visible()
    expect(drafts.get_by_text("Tomorrow's explainer")).to_have_count(0)
    desk.screenshot(path=str(screenshot_dir() / "desk-dashboard-reporter.png"), full_page=True)

    stranger = browser.new_context(viewport=DESKTOP).new_page()
    stranger.goto(live_server.url + reverse("wagtailadmin_login"))
    expect(stranger.get_by_role("heading", level=1)).to_have_text(
        "Sign in to Digital Rights Monitor"
    )
    stranger.screenshot(path=str(screenshot_dir() / "desk-admin-login.png"))


def my_drafts(page):
    """The dashboard's "My drafts" panel."""
    return page.locator("section.desk-panel").filter(
        has=page.get_by_role("heading", name="My drafts")
    )
