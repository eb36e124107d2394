"""Incidents and cases are reviewed as hearings are: a reporter's change to a published record,
or a reporter's new record, reaches no reader (page, list, API, CSV, search, sitemap) until a
moderator approves it; an editor's publication is public at once; followers hear of a change
once, when it is published."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from drmonitor.accounts.roles import EDITORS, MODERATORS, REPORTERS
from drmonitor.tracker.models import Follow, Incident, LegalCase, Notification, Source
from drmonitor.tracker.notifications import deliver_pending
from drmonitor.tracker.tests.helpers import member

PUBLISHED_SUMMARY = "X was blocked nationwide."
DRAFT_SUMMARY = "X was blocked nationwide, then restored on appeal."


@pytest.fixture
def report(db) -> Source:
    return Source.objects.create(url="https://news.example/x-restored", publisher="Dawn")


def incident_form(incident: Incident, **fields) -> dict:
    """The incident's admin form as it stands, with `fields` changed."""
    return {
        "title": incident.title,
        "slug": incident.slug,
        "kind": incident.kind,
        "status": incident.status,
        "summary": incident.summary,
        "start_date": f"{incident.start_date:%Y-%m-%d}",
        "start_date_type": incident.start_date_type,
        "end_date_type": incident.end_date_type,
        "country": incident.country_id,
        "government_acknowledged": incident.government_acknowledged,
        **fields,
    }


def case_form(court, **fields) -> dict:
    return {
        "court": court.pk,
        "status": "filed",
        "numbers-TOTAL_FORMS": "0",
        "numbers-INITIAL_FORMS": "0",
        "numbers-MIN_NUM_FORMS": "0",
        "numbers-MAX_NUM_FORMS": "1000",
        **fields,
    }


def approve(client, record, committed) -> None:
    """A moderator approves the record's submitted draft in the workflow, as in the admin."""
    client.logout()
    member(client, MODERATORS)
    record.refresh_from_db()
    state = record.current_workflow_state
    assert state is not None and state.status == "in_progress"
    model = type(record)._meta.model_name
    url = (
        f"/admin/snippets/tracker/{model}/workflow/action/{record.pk}/approve/"
        f"{state.current_task_state.pk}/"
    )
    with committed():
        response = client.post(url, {"comment": ""})
    assert response.status_code in (200, 302), response.text[:3000]
    client.logout()


def test_a_reporters_edit_of_a_published_incident_waits_for_review_then_is_listed(
    client, home, incident, report, committed
):
    incident.summary = PUBLISHED_SUMMARY
    incident.save()
    reporter = member(client, REPORTERS)
    form = incident_form(incident, summary=DRAFT_SUMMARY, sources=[report.pk])
    url = f"/admin/snippets/tracker/incident/edit/{incident.pk}/"
    with committed():
        reporter.post(url, {**form, "action-publish": "publish"})
    incident.refresh_from_db()
    assert incident.summary == PUBLISHED_SUMMARY, "a reporter cannot publish"
    with committed():
        response = reporter.post(url, {**form, "action-submit": "submit"})
    assert response.status_code == 302, response.text[:3000]
    client.logout()

    # Nothing changed for readers: the page, the API, the CSV, the site search.
    incident.refresh_from_db()
    assert incident.summary == PUBLISHED_SUMMARY and incident.has_unpublished_changes
    assert list(incident.sources.all()) == []
    page = client.get(incident.get_absolute_url()).text
    assert PUBLISHED_SUMMARY in page and DRAFT_SUMMARY not in page and report.url not in page
    api = client.get(f"/api/incidents/{incident.slug}").json()
    assert api["summary"] == PUBLISHED_SUMMARY
    assert "restored on appeal" not in client.get("/api/incidents.csv").text
    assert "summary changed" not in page

    approve(client, incident, committed)
    incident.refresh_from_db()
    assert incident.summary == DRAFT_SUMMARY and not incident.has_unpublished_changes
    assert list(incident.sources.all()) == [report]
    page = client.get(incident.get_absolute_url()).text
    assert DRAFT_SUMMARY in page and report.url in page
    assert client.get(f"/api/incidents/{incident.slug}").json()["summary"] == DRAFT_SUMMARY
    assert "restored on appeal" in client.get("/api/incidents.csv").text
    assert "The record: summary, sources changed, by a reporter, approved by a moderator." in page


def test_a_reporters_new_case_is_not_public_until_approved(
    client, home, court, incident, committed
):
    reporter = member(client, REPORTERS)
    form = case_form(
        court,
        title="Bytes for All v. PTA",
        subject="Restoring X for journalists",
        incidents=[incident.pk],
    )
    with committed():
        response = reporter.post(
            "/admin/snippets/tracker/legalcase/add/", form | {"action-submit": "submit"}
        )
    assert response.status_code == 302, response.text[:3000]
    client.logout()
    case = LegalCase.objects.get(title="Bytes for All v. PTA")
    assert not case.live

    def seen() -> dict[str, bool]:
        """Where a reader meets the case."""
        return {
            "page": client.get(case.get_absolute_url()).status_code == 200,
            "list": "Bytes for All" in client.get(reverse("tracker:cases")).text,
            "incident": "Bytes for All" in client.get(incident.get_absolute_url()).text,
            "api": client.get(f"/api/cases/{case.slug}").status_code == 200,
            "csv": "Bytes for All" in client.get("/api/cases.csv").text,
            "search": "Bytes for All" in client.get("/search/", {"q": "Bytes"}).text,
            "sitemap": case.get_absolute_url() in client.get("/sitemap.xml").text,
        }

    assert seen() == dict.fromkeys(seen(), False)
    approve(client, case, committed)
    assert seen() == dict.fromkeys(seen(), True)
    assert (
        "The record added, by a reporter, approved by a moderator."
        in client.get(case.get_absolute_url()).text
    )


def test_an_editors_publication_is_public_at_once(client, home, incident, committed):
    editor = member(client, EDITORS)
    form = incident_form(incident, summary=DRAFT_SUMMARY)
    assert DRAFT_SUMMARY not in client.get(incident.get_absolute_url()).text
    with committed():
        response = editor.post(
            f"/admin/snippets/tracker/incident/edit/{incident.pk}/",
            {**form, "action-publish": "publish"},
        )
    assert response.status_code == 302, response.text[:3000]
    client.logout()
    page = client.get(incident.get_absolute_url()).text
    assert DRAFT_SUMMARY in page
    assert "The record: summary changed, by an editor." in page


def test_followers_get_one_mail_when_a_reviewed_status_change_is_published(
    client, home, incident, report, committed
):
    reader = get_user_model().objects.create_user("amna", "amna@example.org", "s3cret-pass!")
    Follow.objects.create(user=reader, incident=incident)
    reporter = member(client, REPORTERS)
    form = incident_form(incident, status="Ended", end_date="2024-05-08", status_source=report.pk)
    with committed():
        response = reporter.post(
            f"/admin/snippets/tracker/incident/edit/{incident.pk}/",
            {**form, "action-submit": "submit"},
        )
    assert response.status_code == 302, response.text[:3000]
    assert not Notification.objects.exists(), "a draft tells no one"
    assert not incident.status_changes.exists()

    approve(client, incident, committed)
    change = incident.status_changes.get()
    assert (change.from_status, change.to_status, change.source) == ("Ongoing", "Ended", report)
    assert deliver_pending() == 1
    assert [m.subject for m in mail.outbox if m.to == [reader.email]] == ["Test block: now Ended"]

    # Published again without a change of status: no second mail.
    with committed():
        incident.refresh_from_db()
        incident.save_revision().publish()
    assert deliver_pending() == 0
