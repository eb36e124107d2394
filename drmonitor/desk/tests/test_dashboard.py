"""The dashboard lists what each person on the desk acts on: reviewers everything awaiting
review, writers their own submissions and drafts; everyone the schedule, what went live and
the court dates ahead."""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Workflow

from drmonitor.accounts.roles import REPORTERS, WORKFLOW_NAME
from drmonitor.desk.tests.conftest import member_of
from drmonitor.newsroom.factories import ArticlePageFactory
from drmonitor.tracker.factories import HearingFactory, LegalCaseFactory

pytestmark = pytest.mark.django_db


def draft(section, title: str, user):
    """A story the user has written and saved, never published."""
    page = ArticlePageFactory(parent=section, title=title, live=False, owner=user)
    page.save_revision(user=user)
    return page


def submitted(section, title: str, user):
    page = draft(section, title, user)
    Workflow.objects.get(name=WORKFLOW_NAME).start(page, user)
    return page


def panels(client, user) -> dict[str, list[str]]:
    """{panel heading: [row texts]} of the user's dashboard."""
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    found = {}
    for section in soup.select("section.desk-panel"):
        heading = section.select_one("h2").get_text(" ", strip=True)
        rows = [" ".join(row.get_text(" ", strip=True).split()) for row in section.select("tr")]
        empty = section.select_one(".desk-panel__empty")
        found[heading] = rows[1:] if rows else [empty.get_text(strip=True)]
    return found


def listed(rows: list[str], title: str) -> bool:
    return any(row.startswith(title) for row in rows)


@pytest.fixture
def desk_day(news, reporter, editor):
    """A day's desk: drafts, submissions, a scheduled and a published story, two hearings."""
    other = member_of(REPORTERS, "kamran")
    draft(news, "Rubab's draft on VPN rules", reporter)
    draft(news, "Kamran's draft on data protection", other)
    submitted(news, "Rubab's story for review", reporter)
    submitted(news, "Kamran's story for review", other)

    go_live = timezone.now() + datetime.timedelta(days=2)
    scheduled = ArticlePageFactory(parent=news, title="Scheduled explainer", live=False)
    scheduled.go_live_at = go_live
    scheduled.save_revision(user=editor).publish(user=editor)

    published = ArticlePageFactory(parent=news, title="Published court report")
    published.save_revision(user=editor).publish(user=editor)

    today = timezone.localdate()
    case = LegalCaseFactory(title="Jibran Nasir v. Federation")
    HearingFactory(case=case, date=today + datetime.timedelta(days=3))
    HearingFactory(case=LegalCaseFactory(title="An old case v. PTA"), date=today.replace(year=2024))
    return {"go_live": go_live}


def test_a_reporter_sees_their_own_drafts_and_submissions(client, reporter, desk_day):
    dashboard = panels(client, reporter)

    assert listed(dashboard["My drafts"], "Rubab's draft on VPN rules")
    assert not listed(dashboard["My drafts"], "Kamran's draft on data protection")
    # Submitted is not a draft any more: it waits for review, where the reporter follows it.
    assert not listed(dashboard["My drafts"], "Rubab's story for review")
    assert listed(dashboard["Awaiting review"], "Rubab's story for review")
    assert not listed(dashboard["Awaiting review"], "Kamran's story for review")


def test_an_editor_sees_everything_awaiting_review(client, editor, desk_day):
    dashboard = panels(client, editor)

    review = dashboard["Awaiting review"]
    assert listed(review, "Rubab's story for review") and listed(
        review, "Kamran's story for review"
    )
    assert any("submitted by Rubab Ali" in row for row in review)
    assert dashboard["My drafts"] == ["No drafts of yours."]


def test_everyone_sees_the_schedule_what_went_live_and_the_hearings(
    client, reporter, editor, moderator, admin, desk_day
):
    from drmonitor.desk.when import desk_time

    for user in (reporter, editor, moderator, admin):
        dashboard = panels(client, user)
        assert dashboard["Scheduled"] == [
            f"Scheduled explainer goes live {desk_time(desk_day['go_live'])}"
        ], user
        assert listed(dashboard["Recently published"], "Published court report")
        assert not listed(dashboard["Recently published"], "Scheduled explainer")
        hearings = dashboard["Upcoming hearings"]
        assert len(hearings) == 1 and hearings[0].startswith("Jibran Nasir v. Federation")


def test_most_read_today_ranks_what_readers_opened(client, news, editor, reporter):
    from drmonitor.readership.counting import record_read

    quiet = ArticlePageFactory(parent=news, title="A quiet story")
    popular = ArticlePageFactory(parent=news, title="The story everyone read")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    for _ in range(5):
        record_read(quiet.pk, day=yesterday)  # yesterday's readers do not count today
    for _ in range(3):
        record_read(popular.pk)
    record_read(quiet.pk)

    for user in (editor, reporter):
        assert panels(client, user)["Most read today"] == [
            "The story everyone read 3 reads",
            "A quiet story 1 read",
        ]


def test_a_moderator_reviews_and_has_no_drafts_panel(client, moderator, desk_day):
    dashboard = panels(client, moderator)
    assert "My drafts" not in dashboard
    assert len(dashboard["Awaiting review"]) == 2


def test_an_administrator_reviews_everything(client, admin, desk_day):
    assert len(panels(client, admin)["Awaiting review"]) == 2


def test_no_page_counts_and_no_duplicate_workflow_panels(client, editor, desk_day):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).text
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select(".w-summary") == []  # "N Pages, N Images, N Documents"
    assert "Awaiting your review" not in html  # Wagtail's own list, replaced by the desk's
    assert "Your most recent edits" not in html
